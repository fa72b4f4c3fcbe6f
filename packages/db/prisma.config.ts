/**
 * Prisma CLI config through the JS engine (works offline). DATABASE_URL's scheme picks the engine:
 * file: (the default) the root schema and migrations with better-sqlite3; postgresql: the derived schema
 * and its own migrations with node-postgres.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const root = path.resolve(import.meta.dirname, "../..");
const url = process.env.DATABASE_URL ?? `file:${path.join(root, "data/actlab.db")}`;
const postgres = /^postgres(ql)?:/.test(url);
const prismaDir = path.join(root, postgres ? "prisma/postgresql" : "prisma");

/**
 * The schema engine's catalog queries return `name` (OID 19) and `"char"` (OID 18) columns that the
 * adapter cannot decode ("Column type 'name' could not be deserialized", prisma/orm#27403): in this CLI
 * process only, node-postgres reports them as text (OID 25). `pg` is resolved from the adapter's own
 * location, so the patched copy is the one it uses.
 */
function decodeCatalogNamesAsText(): void {
  const pg = createRequire(createRequire(import.meta.url).resolve("@prisma/adapter-pg"))("pg");
  const parse = pg.Result.prototype.addFields as (fields: Array<{ dataTypeID: number }>) => void;
  pg.Result.prototype.addFields = function (fields: Array<{ dataTypeID: number }>) {
    for (const f of fields) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
    return parse.call(this, fields);
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(prismaDir, "schema.prisma"),
  migrations: { path: path.join(prismaDir, "migrations") },
  async adapter() {
    if (postgres) {
      decodeCatalogNamesAsText();
      return new PrismaPg({ connectionString: url });
    }
    // better-sqlite3 creates the file but not its folder.
    fs.mkdirSync(path.dirname(path.resolve(url.slice("file:".length))), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
