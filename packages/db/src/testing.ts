/**
 * @actlab/db/testing: for tests outside this package that arrange rows no product code writes (a
 * filler run, a changed role). Only test files may import it; the lint rule in biome.json says so.
 */
import { type Db, prisma } from "./client";
import type { PrismaClient } from "./generated/prisma/client";

export function prismaForTests(db: Db): PrismaClient {
  return db[prisma];
}
