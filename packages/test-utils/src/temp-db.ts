/** A fresh SQLite file with every migration applied through the real Prisma CLI (migrate deploy). */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dbPackage = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../db");

export type TempDb = { url: string; file: string; dir: string; remove(): void };

export function createTempDb(): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actlab-db-"));
  const file = path.join(dir, "actlab.db");
  const url = `file:${file}`;
  execFileSync(path.join(dbPackage, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: dbPackage,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  return { url, file, dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
