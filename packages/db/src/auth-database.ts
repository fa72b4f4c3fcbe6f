/** better-auth's storage: its users, accounts and sessions go through this package's Prisma client. */
import { prismaAdapter } from "better-auth/adapters/prisma";
import { type Db, prisma } from "./client";

export function authDatabase(db: Db) {
  return prismaAdapter(db[prisma], { provider: "sqlite", transaction: false });
}
