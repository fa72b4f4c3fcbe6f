/**
 * @actlab/db/testing: for tests outside this package that arrange rows no product code writes (a
 * filler run, a changed role). Only test files may import it; the lint rule in biome.json says so.
 */
import { type Db, prisma, rawSql } from "./client";
import type { PrismaClient } from "./generated/prisma/client";
import type { RawSql } from "./raw-sql";

export function prismaForTests(db: Db): PrismaClient {
  return db[prisma];
}

/** Raw SQL on the same database, for tests and benchmarks that count or bulk-seed rows. */
export function rawSqlForTests(db: Db): RawSql {
  return db[rawSql];
}
