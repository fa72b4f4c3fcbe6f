import { describe, expect, it } from "vitest";
import { decodeFloat32, decodeInt32, encodeFloat32, encodeInt32 } from "./series-codec";

describe("series codec", () => {
  it("round-trips values at float32 precision, keeping gaps as null", () => {
    const values = [0.1, -2.5, null, 1e-7, 12345.678];
    const back = decodeFloat32(encodeFloat32(values));
    expect(back[2]).toBeNull();
    values.forEach((v, i) => {
      if (v !== null) expect(back[i]).toBe(Math.fround(v));
    });
  });

  it("round-trips integer steps exactly, also long series", () => {
    const steps = Array.from({ length: 100_000 }, (_, i) => i * 37);
    expect(decodeInt32(encodeInt32(steps))).toEqual(steps);
  });
});
