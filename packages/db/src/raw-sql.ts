/**
 * Raw SQL for the queries Prisma expresses badly or slowly (the metric hot path, the runs-table query
 * language, window and recursive queries), over either engine. Statements use `?` placeholders and
 * double-quoted identifiers, which both engines read alike; what differs is behind `dialect`.
 */
export type Engine = "sqlite" | "postgresql";

export type SqlValue = string | number | boolean | null | Buffer | readonly string[];

export type RawSql = {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** One transaction that takes the write lock before its first read, so read-then-write never races. */
  transaction<T>(work: (tx: RawSql) => Promise<T>): Promise<T>;
};

/** The SQL that differs between the engines, as small builders. */
export type Dialect = {
  readonly engine: Engine;
  /** A table of one text column "value" holding `values`, bound as the next parameter: `FROM ${rows("r")}`. */
  listRows(alias: string): string;
  listParam(values: readonly string[]): unknown;
  /** A number stored under `key` in a JSON text column (NULL when absent or not a number). */
  jsonNumber(column: string, key: string): string;
  /** The length of an array under `key` in a JSON text column (NULL when absent). */
  jsonArrayLength(column: string, key: string): string;
  /** A JSON array text aggregating one object per row (of those `where` keeps) from `pairs` ("'id', x"). */
  jsonArrayOfObjects(pairs: string, where: string): string;
  /** A DateTime parameter written as Prisma writes that engine's column, so both compare alike. */
  timestampParam(date: Date): string;
  /** Milliseconds since the epoch of a timestamp column. */
  epochMs(column: string): string;
  /** Seconds between two timestamps, the later one defaulting to now. */
  secondsBetween(start: string, end: string): string;
  /** A timestamp column as a Julian day number (dates compare as numbers on both engines). */
  julianDay(column: string): string;
  /** MLflow's case-sensitive LIKE over `expr`, its pattern bound as the next parameter (see likePattern). */
  caseSensitiveLike(expr: string): string;
  likePattern(pattern: string): string;
};

/** The Julian day of a date, as SQLite's julianday() computes it. */
export function julianDayOf(date: Date): number {
  return date.getTime() / 86_400_000 + 2_440_587.5;
}
