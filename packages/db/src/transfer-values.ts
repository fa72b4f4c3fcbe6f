/**
 * One SQLite value as the parameter its PostgreSQL column takes, for the SQLite → PostgreSQL transfer.
 * The kind comes from the target column's type, so a new column of a known type needs nothing here.
 */

export type ValueKind = "boolean" | "timestamp" | "bytes" | "number" | "text";

/** The kind of a PostgreSQL column, from its `format_type` ("timestamp(3) without time zone", "integer"). */
export function valueKindOf(postgresType: string): ValueKind {
  if (postgresType === "boolean") return "boolean";
  if (postgresType.startsWith("timestamp")) return "timestamp";
  if (postgresType === "bytea") return "bytes";
  if (/^(smallint|integer|bigint|real|double precision|numeric)/.test(postgresType)) return "number";
  return "text";
}

// CURRENT_TIMESTAMP (a column default) writes "2026-12-03 16:40:03": UTC without a zone.
const ZONELESS = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * A DateTime as SQLite holds it: Prisma's driver adapter writes ISO text ("…T16:40:03.123+00:00"),
 * its `unixepoch-ms` format and Prisma's older engine integer milliseconds, column defaults zoneless
 * UTC text. The result is the same instant as PostgreSQL's zoneless UTC timestamp(3) text.
 */
export function sqliteTimestampToUtcText(value: unknown): string {
  const date =
    typeof value === "bigint" || typeof value === "number"
      ? new Date(Number(value))
      : typeof value === "string"
        ? new Date(ZONELESS.test(value) ? `${value.replace(" ", "T")}Z` : value)
        : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${String(value)}`);
  return date.toISOString().slice(0, -1);
}

/**
 * SQLite rows are read with safe integers (bigint), so a BigInt column keeps every digit: numbers go
 * to node-postgres as decimal text, which PostgreSQL parses exactly (doubles print shortest round-trip).
 */
export function toPostgresValue(kind: ValueKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "boolean":
      return Number(value) !== 0;
    case "timestamp":
      return sqliteTimestampToUtcText(value);
    case "bytes":
      return Buffer.isBuffer(value) ? value : Buffer.from(String(value), "utf8");
    case "number":
    case "text":
      if (Buffer.isBuffer(value)) throw new Error(`bytes where ${kind} was expected`);
      return typeof value === "string" ? value : String(value);
  }
}
