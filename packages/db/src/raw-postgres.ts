/** RawSql over a node-postgres pool: `?` placeholders become $1…, counts and numerics come back as numbers. */
import pg from "pg";
import type { Dialect, RawSql } from "./raw-sql";

const OID = { int8: 20, numeric: 1700, timestamp: 1114 } as const;

/**
 * COUNT(*) is bigint and AVG numeric on PostgreSQL, which node-postgres returns as strings; every count
 * here fits a double. Prisma writes TIMESTAMP(3) without a zone as UTC: read it back as UTC.
 */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === OID.int8 || oid === OID.numeric) return (v: string) => Number(v);
    if (oid === OID.timestamp) return (v: string) => new Date(`${v.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export const POSTGRES_DIALECT: Dialect = {
  engine: "postgresql",
  listRows: (alias) => `unnest(CAST(? AS text[])) AS ${alias}("value")`,
  listParam: (values) => [...values],
  jsonNumber: (column, key) =>
    `(CASE WHEN jsonb_typeof(CAST(${column} AS jsonb) -> '${key}') = 'number' THEN CAST(CAST(${column} AS jsonb) ->> '${key}' AS double precision) END)`,
  jsonArrayLength: (column, key) =>
    `(CASE WHEN jsonb_typeof(CAST(${column} AS jsonb) -> '${key}') = 'array' THEN jsonb_array_length(CAST(${column} AS jsonb) -> '${key}') END)`,
  jsonArrayOfObjects: (pairs, where) =>
    `CAST(json_agg(json_build_object(${pairs})) FILTER (WHERE ${where}) AS text)`,
  // timestamp(3) without a zone holds UTC.
  timestampParam: (date) => date.toISOString().slice(0, -1),
  epochMs: (column) => `CAST(ROUND(EXTRACT(EPOCH FROM ${column}) * 1000) AS bigint)`,
  secondsBetween: (start, end) =>
    `EXTRACT(EPOCH FROM (COALESCE(${end}, CAST(now() AT TIME ZONE 'UTC' AS timestamp(3))) - ${start}))`,
  julianDay: (column) => `(EXTRACT(EPOCH FROM ${column}) / 86400 + 2440587.5)`,
  caseSensitiveLike: (expr) => `${expr} LIKE ?`,
  likePattern: (pattern) => pattern,
};

/** `?` → `$n`, outside quoted strings and identifiers. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  let quote: string | null = null;
  let out = "";
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "?") {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  return out;
}

type Queryable = pg.Pool | pg.PoolClient;

function over(client: Queryable, inTransaction: RawSql["transaction"]): RawSql {
  const texts = new Map<string, string>();
  const query = (sql: string, params: readonly unknown[]) => {
    let text = texts.get(sql);
    if (text === undefined) {
      text = numberPlaceholders(sql);
      texts.set(sql, text);
    }
    return client.query(text, params as unknown[]);
  };
  return {
    dialect: POSTGRES_DIALECT,
    all: async <T>(sql: string, params: readonly unknown[] = []) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params: readonly unknown[] = []) =>
      (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql, params = []) => (await query(sql, params)).rowCount ?? 0,
    transaction: inTransaction,
  };
}

export type PostgresRawSql = RawSql & { pool: pg.Pool; close(): Promise<void> };

export function postgresRawSql(connectionString: string): PostgresRawSql {
  const pool = new pg.Pool({ connectionString, types, max: 10 });
  const nested: RawSql["transaction"] = () => {
    throw new Error("nested transaction");
  };
  const raw = over(pool, async (work) => {
    const client = await pool.connect();
    try {
      // Serialisable: a transaction that reads then writes fails (and is retried) rather than acting on a
      // snapshot another writer changed in between.
      for (let attempt = 1; ; attempt++) {
        await client.query("BEGIN ISOLATION LEVEL SERIALIZABLE");
        try {
          const result = await work(over(client, nested));
          await client.query("COMMIT");
          return result;
        } catch (err) {
          await client.query("ROLLBACK");
          if ((err as { code?: string }).code !== "40001" || attempt >= 5) throw err;
        }
      }
    } finally {
      client.release();
    }
  });
  return { ...raw, pool, close: () => pool.end() };
}
