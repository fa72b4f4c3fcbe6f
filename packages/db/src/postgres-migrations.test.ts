/** The PostgreSQL migration runner, against a real server (scripts/test-postgres.sh provides one). */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { testEngine } from "@actlab/test-utils";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPostgresMigrations, POSTGRES_MIGRATIONS } from "./postgres-migrations";

describe.skipIf(testEngine() !== "postgresql")("applyPostgresMigrations", () => {
  const admin = new URL(process.env.ACTLAB_TEST_POSTGRES_TEMPLATE ?? "postgresql://unused/x");
  admin.pathname = "/postgres";
  const name = `actlab_migrate_${randomBytes(4).toString("hex")}`;
  const url = new URL(admin.href);
  url.pathname = `/${name}`;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "actlab-migrations-"));
  const query = async (sql: string, on = url.href) => {
    const client = new pg.Client({ connectionString: on });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await query(`CREATE DATABASE "${name}"`, admin.href);
    fs.cpSync(POSTGRES_MIGRATIONS, folder, { recursive: true });
  });
  afterAll(async () => {
    await query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, admin.href);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("applies every migration to an empty database once, recorded as Prisma records them", async () => {
    const names = fs.readdirSync(folder).filter((f) => fs.statSync(path.join(folder, f)).isDirectory());
    expect(await applyPostgresMigrations(url.href, folder)).toEqual(names.sort());
    expect(await applyPostgresMigrations(url.href, folder)).toEqual([]);
    const rows = await query(
      'SELECT "migration_name", "checksum", "finished_at" IS NOT NULL AS "done" FROM "_prisma_migrations" ORDER BY 1',
    );
    expect(rows).toEqual(
      names.map((n) => ({
        migration_name: n,
        checksum: createHash("sha256")
          .update(fs.readFileSync(path.join(folder, n, "migration.sql")))
          .digest("hex"),
        done: true,
      })),
    );
    expect(await query('SELECT COUNT(*) AS "n" FROM "Run"')).toEqual([{ n: "0" }]);
  });

  it("refuses a migration edited after it was applied, and applies one added later", async () => {
    const first = fs.readdirSync(folder).sort()[0] as string;
    const file = path.join(folder, first, "migration.sql");
    const original = fs.readFileSync(file);
    fs.appendFileSync(file, "\n-- edited\n");
    await expect(applyPostgresMigrations(url.href, folder)).rejects.toThrow(/changed after it was applied/);
    fs.writeFileSync(file, original);
    fs.mkdirSync(path.join(folder, "99991231000000_later"));
    fs.writeFileSync(
      path.join(folder, "99991231000000_later", "migration.sql"),
      'CREATE TABLE "Later" ("x" INTEGER);',
    );
    expect(await applyPostgresMigrations(url.href, folder)).toEqual(["99991231000000_later"]);
    expect(await query('SELECT COUNT(*) AS "n" FROM "Later"')).toEqual([{ n: "0" }]);
  });
});
