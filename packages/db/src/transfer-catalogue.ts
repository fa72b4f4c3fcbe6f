/**
 * What the SQLite → PostgreSQL transfer copies, read from the databases' own catalogues (never a list
 * kept by hand, so a new model is copied without a change here): the target's tables in foreign-key
 * order with their columns and sequences, checked against the source's tables and migrations.
 */
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import type pg from "pg";
import { type ValueKind, valueKindOf } from "./transfer-values";

export const SQLITE_MIGRATIONS = path.resolve(import.meta.dirname, "../../../prisma/migrations");

export type TransferColumn = { name: string; postgresType: string; kind: ValueKind };
export type TransferTable = {
  name: string;
  columns: TransferColumn[];
  /** Columns fed by a sequence (autoincrement ids): set past the copied rows afterwards. */
  sequences: { column: string; sequence: string }[];
};

const MIGRATIONS_TABLE = "_prisma_migrations";

/** The target's tables (Prisma's bookkeeping excepted), each after every table it references. */
export async function readPostgresTables(client: pg.Client): Promise<TransferTable[]> {
  const columns = await client.query<{
    table: string;
    column: string;
    type: string;
    sequence: string | null;
  }>(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type",
            pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS "sequence"
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> $1
     ORDER BY c.relname, a.attnum`,
    [MIGRATIONS_TABLE],
  );
  const references = await client.query<{ table: string; references: string }>(
    `SELECT src.relname AS "table", dst.relname AS "references"
     FROM pg_constraint k
     JOIN pg_class src ON src.oid = k.conrelid
     JOIN pg_class dst ON dst.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = src.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const tables = new Map<string, TransferTable>();
  for (const r of columns.rows) {
    const table = tables.get(r.table) ?? { name: r.table, columns: [], sequences: [] };
    table.columns.push({ name: r.column, postgresType: r.type, kind: valueKindOf(r.type) });
    if (r.sequence) table.sequences.push({ column: r.column, sequence: r.sequence });
    tables.set(r.table, table);
  }
  const order = inForeignKeyOrder(
    [...tables.keys()],
    references.rows.map((r) => [r.table, r.references] as const),
  );
  return order.map((name) => tables.get(name) as TransferTable);
}

/** Referenced tables first; ties by name, so every transfer copies in the same order. */
export function inForeignKeyOrder(
  tables: readonly string[],
  edges: readonly (readonly [string, string])[],
): string[] {
  const needs = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const [table, referenced] of edges) if (table !== referenced) needs.get(table)?.add(referenced);
  const order: string[] = [];
  const pending = [...tables].sort();
  while (pending.length > 0) {
    const next = pending.findIndex((t) => [...(needs.get(t) ?? [])].every((r) => order.includes(r)));
    if (next < 0) throw new Error(`the foreign keys between ${pending.join(", ")} form a cycle`);
    order.push(...pending.splice(next, 1));
  }
  return order;
}

/**
 * Refuses a source whose applied migrations are not exactly the ones this code ships: its columns would
 * not be the target's. Says which command brings it level.
 */
export function checkSqliteMigrations(sqlite: Database.Database, folder = SQLITE_MIGRATIONS): void {
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(MIGRATIONS_TABLE);
  if (!hasTable)
    throw new Error(`the SQLite database has no ${MIGRATIONS_TABLE} table: is it an Actlab database?`);
  const applied = new Set(
    (
      sqlite
        .prepare(
          `SELECT "migration_name" AS "name" FROM "${MIGRATIONS_TABLE}" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
        )
        .all() as { name: string }[]
    ).map((r) => r.name),
  );
  const known = fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const missing = known.filter((m) => !applied.has(m));
  const unknown = [...applied].filter((m) => !known.includes(m));
  if (unknown.length > 0)
    throw new Error(
      `the SQLite database has migrations this version of Actlab does not know (${unknown.join(", ")}): transfer with the version that wrote it`,
    );
  if (missing.length > 0)
    throw new Error(
      `the SQLite database lacks migrations ${missing.join(", ")}: bring it up to date first (DATABASE_URL=<its file: URL> pnpm migrate)`,
    );
}

/** Refuses a source whose tables or columns differ from the target's: nothing may be left behind. */
export function checkSqliteColumns(sqlite: Database.Database, tables: readonly TransferTable[]): void {
  const sourceTables = (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
      )
      .all() as { name: string }[]
  )
    .map((r) => r.name)
    .filter((name) => name !== MIGRATIONS_TABLE);
  const targetNames = new Set(tables.map((t) => t.name));
  const problems = sourceTables
    .filter((name) => !targetNames.has(name))
    .map((name) => `table "${name}" is not in the PostgreSQL schema`);
  for (const table of tables) {
    if (!sourceTables.includes(table.name)) {
      problems.push(`table "${table.name}" is missing from the SQLite database`);
      continue;
    }
    const source = (sqlite.prepare(`PRAGMA table_info("${table.name}")`).all() as { name: string }[]).map(
      (c) => c.name,
    );
    const target = table.columns.map((c) => c.name);
    const differ = [
      ...source.filter((c) => !target.includes(c)),
      ...target.filter((c) => !source.includes(c)),
    ];
    if (differ.length > 0) problems.push(`"${table.name}" columns differ (${differ.join(", ")})`);
  }
  if (problems.length > 0) throw new Error(`the databases' schemas differ: ${problems.join("; ")}`);
}
