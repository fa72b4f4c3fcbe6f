/**
 * Applies prisma/postgresql/migrations with node-postgres and records each in Prisma's own
 * `_prisma_migrations` table (same checksums), so `prisma migrate status` reads the result as up to
 * date. `prisma migrate deploy` does the same on PostgreSQL but lingers ~10 s after finishing (a timer
 * in its WebAssembly engine); this takes 50–200 ms, for start-up and every test database.
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const POSTGRES_MIGRATIONS = path.resolve(import.meta.dirname, "../../../prisma/postgresql/migrations");

// Any constant both this runner and a second copy of it agree on: one migrator at a time.
const LOCK_KEY = 72_707_369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Applies the migrations not yet recorded, oldest first, each in its own transaction; returns their names. */
export async function applyPostgresMigrations(url: string, folder = POSTGRES_MIGRATIONS): Promise<string[]> {
  const names = fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(folder, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT "migration_name", "checksum" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL',
    );
    const applied = new Map(done.rows.map((r) => [r.migration_name, r.checksum]));
    const ran: string[] = [];
    for (const name of names) {
      const sql = fs.readFileSync(path.join(folder, name, "migration.sql"));
      const checksum = createHash("sha256").update(sql).digest("hex");
      const known = applied.get(name);
      if (known !== undefined) {
        if (known !== checksum) throw new Error(`migration ${name} was changed after it was applied`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(sql.toString("utf8"));
        await client.query(
          'INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "finished_at", "applied_steps_count") VALUES ($1, $2, $3, now(), 1)',
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${(err as Error).message}`);
      }
      ran.push(name);
    }
    return ran;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
