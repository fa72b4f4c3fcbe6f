/**
 * Transactions that read and then write, started at once from one process: each must see the previous
 * one's write, so none is lost (on PostgreSQL's READ COMMITTED they would overwrite each other).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { prisma } from "./client";
import { testDbForSuite } from "./test-db";

describe("concurrent read-then-write transactions", () => {
  const t = testDbForSuite();

  it("loses no update when twenty increment the same row at once", async () => {
    const runId = await t.newRun();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        t.db[prisma].$transaction(async (tx) => {
          const run = await tx.run.findUniqueOrThrow({ where: { id: runId } });
          await sleep(5); // the others start meanwhile
          await tx.run.update({ where: { id: runId }, data: { epochsDone: run.epochsDone + 1 } });
        }),
      ),
    );
    expect((await t.db[prisma].run.findUniqueOrThrow({ where: { id: runId } })).epochsDone).toBe(20);
  }, 30_000);
});
