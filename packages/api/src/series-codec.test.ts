import { describe, expect, it } from "vitest";
import { decodeFloat32, decodeInt32, encodeFloat32, encodeInt32, fromBase64, toBase64 } from "./series-codec";

describe("series codec", () => {
  it("round-trips values at float32 precision, keeping gaps as null", () => {
    const values = [0.1, -2.5, null, 1e-7, 12345.678];
    const back = decodeFloat32(encodeFloat32(values));
    expect(back[2]).toBeNull();
    values.forEach((v, i) => {
      if (v !== null) expect(back[i]).toBe(Math.fround(v));
    });
  });

  it("encodes typed arrays (NaN for a gap) to the same bytes as plain arrays", () => {
    const values = [0.1, Number.NaN, 3];
    expect(encodeFloat32(Float64Array.from(values))).toBe(encodeFloat32([0.1, null, 3]));
    expect(encodeInt32(Int32Array.from([5, -7, 9]).subarray(1))).toBe(encodeInt32([-7, 9]));
  });

  it("round-trips integer steps exactly, also long series", () => {
    const steps = Array.from({ length: 100_000 }, (_, i) => i * 37);
    expect(decodeInt32(encodeInt32(steps))).toEqual(steps);
  });

  it("writes standard padded base64 for every tail length, and reads it back", () => {
    for (let n = 0; n <= 12; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      const b64 = toBase64(bytes);
      expect(b64).toBe(Buffer.from(bytes).toString("base64"));
      expect(Array.from(fromBase64(b64))).toEqual(Array.from(bytes));
    }
  });
});
