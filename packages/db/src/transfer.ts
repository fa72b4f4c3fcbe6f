/**
 * Copies a migrated SQLite database into an empty PostgreSQL one: every table the target's schema has,
 * referenced tables first, streamed in batches (a table never sits in memory whole), all inside one
 * PostgreSQL transaction, so a failure or a count mismatch leaves the target as empty as it was.
 */

import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { fileFromUrl } from "./client";
import { applyPostgresMigrations } from "./postgres-migrations";
import { type ArtifactImport, importFolderArtifacts } from "./transfer-artifacts";
import {
  checkSqliteColumns,
  checkSqliteMigrations,
  readPostgresTables,
  type TransferTable,
} from "./transfer-catalogue";
import { parseTransferOptions, type TransferOptions } from "./transfer-options";
import { toPostgresValue } from "./transfer-values";

export type TableCount = { table: string; source: number; target: number };
export type TransferProgress = { table: string; copied: number; total: number; done: boolean };
export type TransferReport = {
  /** The PostgreSQL migrations this transfer applied to the target first. */
  migrated: string[];
  tables: TableCount[];
  /** The folder store's files, now in the database's ArtifactChunk table. */
  artifacts: ArtifactImport;
  /** True when every table holds as many rows on both sides; otherwise nothing was committed. */
  committed: boolean;
};

/** A batch also ends at this many bytes, so tables of checkpoints and dataset blobs stay bounded in memory. */
const BATCH_BYTES = 32 * 1024 * 1024;

export async function transferSqliteToPostgres(
  input: TransferOptions,
  onProgress: (p: TransferProgress) => void = () => {},
): Promise<TransferReport> {
  const options = parseTransferOptions(input);
  // Read-write only so SQLite can replay a WAL left by a stack that did not stop cleanly; nothing is written.
  const sqlite = new Database(fileFromUrl(options.from), { fileMustExist: true });
  try {
    checkSqliteMigrations(sqlite);
    const migrated = await applyPostgresMigrations(options.to);
    const client = new pg.Client({ connectionString: options.to });
    await client.connect();
    try {
      const tables = await readPostgresTables(client);
      checkSqliteColumns(sqlite, tables);
      // One snapshot of the source: counts and rows agree even if something writes to it meanwhile.
      sqlite.exec("BEGIN");
      try {
        // The folder store sits beside the SQLite file in the data folder unless told otherwise.
        const artifactsDir =
          options.artifactsDir ?? path.join(path.dirname(fileFromUrl(options.from)), "artifacts");
        return {
          migrated,
          ...(await copyAll(sqlite, client, tables, options.batchRows, artifactsDir, onProgress)),
        };
      } finally {
        sqlite.exec("ROLLBACK");
      }
    } finally {
      await client.end();
    }
  } finally {
    sqlite.close();
  }
}

async function copyAll(
  sqlite: Database.Database,
  client: pg.Client,
  tables: readonly TransferTable[],
  batchRows: number,
  artifactsDir: string,
  onProgress: (p: TransferProgress) => void,
): Promise<{ tables: TableCount[]; artifacts: ArtifactImport; committed: boolean }> {
  await client.query("BEGIN");
  try {
    await refuseRows(client, tables);
    const counts: TableCount[] = [];
    for (const table of tables) {
      const total = Number(
        (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${table.name}"`).get() as { n: number }).n,
      );
      await copyTable(sqlite, client, table, batchRows, (copied, done) =>
        onProgress({ table: table.name, copied, total, done }),
      );
      counts.push({ table: table.name, source: total, target: await countRows(client, table.name) });
    }
    for (const table of tables) await resetSequences(client, table);
    const artifacts = await importFolderArtifacts(sqlite, client, artifactsDir);
    const committed = counts.every((c) => c.source === c.target);
    await client.query(committed ? "COMMIT" : "ROLLBACK");
    return { tables: counts, artifacts, committed };
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}

/** The target must be empty: merging two databases' rows would collide on ids and on unique names. */
async function refuseRows(client: pg.Client, tables: readonly TransferTable[]): Promise<void> {
  const filled: string[] = [];
  for (const table of tables) {
    const n = await countRows(client, table.name);
    if (n > 0) filled.push(`${table.name}: ${n}`);
  }
  if (filled.length > 0)
    throw new Error(
      `the PostgreSQL database is not empty (${filled.join(", ")}): transfer into a new database (createdb), and start Actlab on it only afterwards`,
    );
}

async function countRows(client: pg.Client, table: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${table}"`);
  return Number(rows[0]?.n);
}

/** Streams the table's rows out of SQLite and inserts them a batch at a time, one array per column. */
async function copyTable(
  sqlite: Database.Database,
  client: pg.Client,
  table: TransferTable,
  batchRows: number,
  onBatch: (copied: number, done: boolean) => void,
): Promise<void> {
  const names = table.columns.map((c) => `"${c.name}"`).join(", ");
  const arrays = table.columns.map((c, i) => `CAST($${i + 1} AS ${c.postgresType}[])`).join(", ");
  const insert = `INSERT INTO "${table.name}" (${names}) SELECT * FROM unnest(${arrays})`;
  const rows = sqlite.prepare(`SELECT ${names} FROM "${table.name}"`).raw(true).safeIntegers(true);
  let columns: unknown[][] = table.columns.map(() => []);
  let pending = 0;
  let bytes = 0;
  let copied = 0;
  onBatch(0, false);
  const flush = async () => {
    await client.query(insert, columns);
    copied += pending;
    columns = table.columns.map(() => []);
    pending = 0;
    bytes = 0;
    onBatch(copied, false);
  };
  for (const row of rows.iterate() as IterableIterator<unknown[]>) {
    table.columns.forEach((column, i) => {
      const value = row[i];
      if (Buffer.isBuffer(value) || typeof value === "string") bytes += value.length;
      try {
        columns[i]?.push(toPostgresValue(column.kind, value));
      } catch (err) {
        throw new Error(`"${table.name}"."${column.name}": ${(err as Error).message}`);
      }
    });
    pending++;
    if (pending >= batchRows || bytes >= BATCH_BYTES) await flush();
  }
  if (pending > 0) await flush();
  onBatch(copied, true);
}

/** An autoincrement id continues after the largest copied one, as it would have in SQLite. */
async function resetSequences(client: pg.Client, table: TransferTable): Promise<void> {
  for (const { column, sequence } of table.sequences) {
    await client.query(
      `SELECT setval($1, COALESCE((SELECT MAX("${column}") FROM "${table.name}"), 0) + 1, false)`,
      [sequence],
    );
  }
}
