import { describe, expect, it } from "vitest";
import { datasetHash, fnv1a64 } from "./hash";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("fnv1a64", () => {
  it("matches the published FNV-1a 64 test vectors", () => {
    expect(fnv1a64(utf8(""))).toBe("cbf29ce484222325");
    expect(fnv1a64(utf8("a"))).toBe("af63dc4c8601ec8c");
    expect(fnv1a64(utf8("foobar"))).toBe("85944171f73967e8");
  });

  it("agrees with a plain BigInt FNV-1a 64 on pseudo-random bytes", () => {
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 2654435761) >>> 24);
    let h = 0xcbf29ce484222325n;
    for (const b of bytes) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
    expect(fnv1a64(bytes)).toBe(h.toString(16).padStart(16, "0"));
  });
});

describe("datasetHash", () => {
  const shape = { rows: 2, numFeatures: 2, numClasses: 2 };
  const features = Float32Array.of(0.5, 1, -2, 3);
  const labels = Int32Array.of(0, 1);

  it("is stable for equal content", () => {
    expect(datasetHash(shape, features.slice(), labels.slice())).toBe(datasetHash(shape, features, labels));
  });

  it("changes when one feature value changes", () => {
    const changed = features.slice();
    changed[3] = 3.0001;
    expect(datasetHash(shape, changed, labels)).not.toBe(datasetHash(shape, features, labels));
  });

  it("changes when one label changes", () => {
    expect(datasetHash(shape, features, Int32Array.of(1, 1))).not.toBe(datasetHash(shape, features, labels));
  });

  it("changes when the same bytes are read with another shape", () => {
    const other = { rows: 1, numFeatures: 4, numClasses: 2 };
    expect(datasetHash(other, features, labels)).not.toBe(datasetHash(shape, features, labels));
  });
});
