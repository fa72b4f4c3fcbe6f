/** Prisma CLI config: the root schema and migrations, through the JS engine + better-sqlite3 adapter (works offline). */
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

const root = path.resolve(import.meta.dirname, "../..");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, "prisma/schema.prisma"),
  migrations: { path: path.join(root, "prisma/migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL ?? `file:${path.join(root, "data/actlab.db")}`;
    // better-sqlite3 creates the file but not its folder.
    fs.mkdirSync(path.dirname(path.resolve(url.slice("file:".length))), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
