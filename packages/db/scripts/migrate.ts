/** `pnpm migrate`: brings DATABASE_URL's database up to date (SQLite through the Prisma CLI, PostgreSQL through the runner). */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { engineOfUrl } from "../src/client";
import { applyPostgresMigrations } from "../src/postgres-migrations";

const url = process.env.DATABASE_URL;
if (url && engineOfUrl(url) === "postgresql") {
  const ran = await applyPostgresMigrations(url);
  console.log(ran.length ? `applied ${ran.join(", ")}` : "no pending migrations");
} else {
  execFileSync(path.resolve(import.meta.dirname, "../node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: path.resolve(import.meta.dirname, ".."),
    stdio: "inherit",
  });
}
