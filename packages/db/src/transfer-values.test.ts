import { describe, expect, it } from "vitest";
import { sqliteTimestampToUtcText, toPostgresValue, valueKindOf } from "./transfer-values";

describe("SQLite values for PostgreSQL columns", () => {
  it("reads every way SQLite holds a DateTime as the same UTC instant", () => {
    const instant = "2026-12-03T16:40:03.123";
    for (const stored of [
      "2026-12-03T16:40:03.123+00:00",
      "2026-12-03T16:40:03.123Z",
      "2026-12-03T17:40:03.123+01:00",
      "2026-12-03 16:40:03.123",
      1_796_316_003_123n,
      1_796_316_003_123,
    ])
      expect(sqliteTimestampToUtcText(stored)).toBe(instant);
    expect(sqliteTimestampToUtcText("2026-12-03 16:40:03")).toBe("2026-12-03T16:40:03.000");
    expect(() => sqliteTimestampToUtcText("yesterday")).toThrow("not a date: yesterday");
  });

  it("keeps a BigInt's every digit, a double's every bit, booleans and bytes", () => {
    expect(toPostgresValue(valueKindOf("bigint"), 2n ** 62n + 1n)).toBe("4611686018427387905");
    expect(Number(toPostgresValue(valueKindOf("double precision"), 0.1 + 0.2))).toBe(0.1 + 0.2);
    expect(toPostgresValue(valueKindOf("boolean"), 1n)).toBe(true);
    expect(toPostgresValue(valueKindOf("boolean"), 0n)).toBe(false);
    const bytes = Buffer.from([0, 255, 7]);
    expect(toPostgresValue(valueKindOf("bytea"), bytes)).toBe(bytes);
    expect(toPostgresValue(valueKindOf("timestamp(3) without time zone"), null)).toBeNull();
    expect(() => toPostgresValue(valueKindOf("text"), bytes)).toThrow("bytes where text was expected");
  });
});
