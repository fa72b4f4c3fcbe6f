/**
 * A fresh migrated database for one test suite. SQLite by default: a temporary file with every migration
 * applied through the real Prisma CLI (migrate deploy). When ACTLAB_TEST_POSTGRES_TEMPLATE names a
 * migrated PostgreSQL database (scripts/test-postgres.sh starts a throwaway cluster and sets it), a new
 * database copied from that template (~0.4 s, against ~10 s for a migrate deploy).
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dbPackage = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../db");

export type TempDb = { url: string; remove(): void };

/** The engine the test databases use: what the suite runs against. */
export function testEngine(): "sqlite" | "postgresql" {
  return process.env.ACTLAB_TEST_POSTGRES_TEMPLATE ? "postgresql" : "sqlite";
}

export function createTempDb(): TempDb {
  const template = process.env.ACTLAB_TEST_POSTGRES_TEMPLATE;
  return template ? createPostgresDb(template, new URL(template).pathname.slice(1)) : createTempSqliteDb();
}

/** A migrated SQLite file whichever engine the suite runs against (the source of a transfer, say). */
export function createTempSqliteDb(): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actlab-db-"));
  const url = `file:${path.join(dir, "actlab.db")}`;
  execFileSync(path.join(dbPackage, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: dbPackage,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  return { url, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A PostgreSQL database on the test server with no tables at all, not even migrated. */
export function createEmptyPostgresDb(): TempDb {
  const template = process.env.ACTLAB_TEST_POSTGRES_TEMPLATE;
  if (!template) throw new Error("no test PostgreSQL server: run the suite through scripts/test-postgres.sh");
  return createPostgresDb(template, "template0");
}

/** A new database on `serverUrl`'s server, a copy of its database `template`. */
function createPostgresDb(serverUrl: string, template: string): TempDb {
  const name = `actlab_test_${randomBytes(6).toString("hex")}`;
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  const psql = (sql: string) => execFileSync("psql", [admin.href, "-qAtc", sql], { stdio: "pipe" });
  psql(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.href, remove: () => psql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
