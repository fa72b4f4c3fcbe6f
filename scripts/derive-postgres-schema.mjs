// One schema cannot name two providers: prisma/schema.prisma (SQLite) is the source, and the PostgreSQL
// copy is derived from it, changing only the provider, its placeholder url and the generated client's
// folder. `--check` (in `pnpm lint`) fails when the committed copy is not what the source derives.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const source = path.join(root, "prisma/schema.prisma");
const target = path.join(root, "prisma/postgresql/schema.prisma");

function replaceOnce(text, from, to) {
  if (text.split(from).length !== 2)
    throw new Error(`${source}: expected exactly one ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

export function derivePostgresSchema(text) {
  let out = replaceOnce(text, 'provider = "sqlite"', 'provider = "postgresql"');
  out = out.replace(/^(\s*url\s*=\s*)"file:[^"]*"(.*)$/m, '$1"postgresql://localhost/actlab"$2');
  out = replaceOnce(
    out,
    '"../packages/db/src/generated/prisma"',
    '"../../packages/db/src/generated/prisma-pg"',
  );
  return `// Derived from ../schema.prisma by scripts/derive-postgres-schema.mjs: edit the source, then run it.\n${out}`;
}

const derived = derivePostgresSchema(readFileSync(source, "utf8"));
if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(target, "utf8");
  } catch {}
  if (committed !== derived) {
    console.error(
      `${path.relative(root, target)} is out of date: run node scripts/derive-postgres-schema.mjs`,
    );
    process.exit(1);
  }
  console.log("postgresql schema: derived copy up to date");
} else {
  writeFileSync(target, derived);
  console.log(`wrote ${path.relative(root, target)}`);
}
