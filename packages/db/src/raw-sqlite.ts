/** RawSql over a better-sqlite3 connection: statements run synchronously; transactions queue. */
import type Database from "better-sqlite3";
import type { Dialect, RawSql } from "./raw-sql";

/** MLflow's LIKE is case-sensitive; SQLite's is not, so LIKE becomes GLOB with the same pattern. */
function likeToGlob(pattern: string): string {
  let out = "";
  for (const ch of pattern) {
    if (ch === "%") out += "*";
    else if (ch === "_") out += "?";
    else if (ch === "*" || ch === "?" || ch === "[") out += `[${ch}]`;
    else out += ch;
  }
  return out;
}

export const SQLITE_DIALECT: Dialect = {
  engine: "sqlite",
  listRows: (alias) => `json_each(?) ${alias}`,
  listParam: (values) => JSON.stringify(values),
  jsonNumber: (column, key) =>
    `(CASE WHEN json_type(${column}, '$.${key}') IN ('integer', 'real') THEN CAST(json_extract(${column}, '$.${key}') AS REAL) END)`,
  jsonArrayLength: (column, key) => `json_array_length(${column}, '$.${key}')`,
  jsonArrayOfObjects: (pairs, where) => `json_group_array(json_object(${pairs})) FILTER (WHERE ${where})`,
  // Prisma's SQLite adapter writes ISO text with an explicit zone.
  timestampParam: (date) => date.toISOString().replace("Z", "+00:00"),
  epochMs: (column) => `CAST(ROUND((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`,
  secondsBetween: (start, end) => `(julianday(COALESCE(${end}, 'now')) - julianday(${start})) * 86400`,
  julianDay: (column) => `julianday(${column})`,
  caseSensitiveLike: (expr) => `${expr} GLOB ?`,
  likePattern: likeToGlob,
};

export function sqliteRawSql(connection: Database.Database): RawSql {
  // One connection: while a transaction is open, other callers wait for it instead of joining it.
  let open: Promise<void> | null = null;
  // Prepared once per text: the metric path runs one insert per point.
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const direct: RawSql = {
    dialect: SQLITE_DIALECT,
    all: async <T>(sql: string, params: readonly unknown[] = []) => prepare(sql).all(...params) as T[],
    get: async <T>(sql: string, params: readonly unknown[] = []) =>
      prepare(sql).get(...params) as T | undefined,
    run: async (sql, params = []) => prepare(sql).run(...params).changes,
    transaction: () => {
      throw new Error("nested transaction");
    },
  };
  const queued =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      // The check and the call in one synchronous step: waiters woken together must not all go ahead.
      while (open) await open;
      return f(...args);
    };
  return {
    dialect: SQLITE_DIALECT,
    all: queued(direct.all) as RawSql["all"],
    get: queued(direct.get) as RawSql["get"],
    run: queued(direct.run),
    async transaction(work) {
      // Checked and taken in one synchronous step, or several waiters woken by one COMMIT all BEGIN.
      while (open) await open;
      let release = () => {};
      open = new Promise((r) => {
        release = r;
      });
      try {
        connection.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(direct);
          connection.exec("COMMIT");
          return result;
        } catch (err) {
          connection.exec("ROLLBACK");
          throw err;
        }
      } finally {
        open = null;
        release();
      }
    },
  };
}
