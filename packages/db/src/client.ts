/**
 * Opens the database DATABASE_URL names: `file:` (the default) SQLite through better-sqlite3,
 * `postgresql:` PostgreSQL through node-postgres. Prisma for records, raw SQL (raw-sql.ts) for the hot
 * paths and the queries Prisma cannot express.
 */
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-pg/client";
import { postgresRawSql } from "./raw-postgres";
import type { Engine, RawSql } from "./raw-sql";
import { sqliteRawSql } from "./raw-sqlite";

/**
 * The Prisma client sits behind a symbol that only this package imports (index.ts does not export it):
 * every query lives in packages/db, and code outside holds a `Db` it cannot query by hand. A registered
 * symbol: Next bundles this module more than once (a server chunk per route), and every copy must open the
 * same `Db`.
 */
export const prisma: unique symbol = Symbol.for("actlab.db.prisma");
/** Raw SQL over the same database, behind a symbol for the same reason. */
export const rawSql: unique symbol = Symbol.for("actlab.db.rawSql");

export type Db = {
  readonly [prisma]: PrismaClient;
  readonly [rawSql]: RawSql;
  readonly engine: Engine;
  close(): Promise<void>;
};

export function engineOfUrl(databaseUrl: string): Engine {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  if (databaseUrl.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got ${databaseUrl})`);
}

const BUSY_TIMEOUT_MS = 10_000;

export function fileFromUrl(databaseUrl: string): string {
  if (!databaseUrl.startsWith("file:"))
    throw new Error(`DATABASE_URL must start with file: (got ${databaseUrl})`);
  return path.resolve(databaseUrl.slice("file:".length));
}

/**
 * The database holds session tokens and API-token hashes: its folder is private to this user (0700) and
 * the file (with its WAL and shared-memory companions, which SQLite creates with the file's mode) 0600,
 * whoever created it and whatever the umask.
 */
function makePrivate(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (fs.statSync(f).mode & 0o077) fs.chmodSync(f, 0o600);
    } catch {
      // no WAL or shared-memory file yet
    }
  }
}

export function openDb(databaseUrl: string): Db {
  return engineOfUrl(databaseUrl) === "postgresql" ? openPostgres(databaseUrl) : openSqlite(databaseUrl);
}

function openPostgres(url: string): Db {
  const raw = postgresRawSql(url);
  // The two generated clients come from one schema and differ only in their provider: their types are
  // not assignable to each other, and this is the one place that says they are the same client.
  const client = new PostgresPrismaClient({
    adapter: serialisedTransactions(new PrismaPg({ connectionString: url })),
  }) as unknown as PrismaClient;
  return {
    [prisma]: client,
    [rawSql]: raw,
    engine: "postgresql",
    async close() {
      await client.$disconnect();
      await raw.close();
    },
  };
}

function openSqlite(databaseUrl: string): Db {
  const file = fileFromUrl(databaseUrl);
  makePrivate(file);
  const sqlite = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  // WAL: readers never block the writer; busy_timeout: concurrent writers wait instead of failing.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const adapter = immediateTransactions(
    new PrismaBetterSQLite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS }),
  );
  const client = new PrismaClient({ adapter });
  return {
    [prisma]: client,
    [rawSql]: sqliteRawSql(sqlite),
    engine: "sqlite",
    async close() {
      await client.$disconnect();
      sqlite.close();
    },
  };
}

/**
 * Prisma's adapter opens transactions with a plain (deferred) BEGIN. Under WAL, a deferred transaction
 * that reads and then writes fails at once with SQLITE_BUSY when another process (the worker) committed
 * in between; busy_timeout cannot help, as waiting would not make its snapshot current. BEGIN IMMEDIATE
 * takes the write lock up front, so the transaction waits its turn instead.
 */
function immediateTransactions(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as unknown as { client: Database.Database }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof prepare;
    return adapter;
  };
  return factory;
}

/**
 * PostgreSQL's default READ COMMITTED lets two transactions that read and then write (the last-owner
 * check, a run's finish) both act on what they read: one update is lost. Each Prisma transaction takes
 * one transaction-scoped advisory lock first, so they run one after another, as BEGIN IMMEDIATE makes
 * them on SQLite; plain reads and the raw metric path (SERIALIZABLE with retries) do not wait for it.
 */
const TRANSACTION_LOCK = 72_707_370;

function serialisedTransactions(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await start(isolationLevel);
      await tx.executeRaw({
        sql: `SELECT pg_advisory_xact_lock(${TRANSACTION_LOCK})`,
        args: [],
        argTypes: [],
      });
      return tx;
    };
    return adapter;
  };
  return factory;
}

/** Fails with one readable line when a SQLite database cannot be opened or written. */
export function assertDbWritable(databaseUrl: string): void {
  if (engineOfUrl(databaseUrl) !== "sqlite") return;
  const file = fileFromUrl(databaseUrl);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    try {
      db.exec("CREATE TABLE IF NOT EXISTS _actlab_probe (x INTEGER); DROP TABLE _actlab_probe;");
    } finally {
      db.close();
    }
  } catch (err) {
    throw new Error(`cannot write the database at ${file} (${(err as Error).message})`);
  }
}
