/**
 * The web app and the worker write one SQLite file from two processes. A transaction that reads and
 * then writes must wait for the other process's writes, not fail with SQLITE_BUSY.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { setTimeout as sleep } from "node:timers/promises";
import { testEngine } from "@actlab/test-utils";
import { describe, expect, it } from "vitest";
import { fileFromUrl, prisma } from "./client";
import { testDbForSuite } from "./test-db";

const betterSqlite = createRequire(import.meta.url).resolve("better-sqlite3");

/** Another process committing small writes back to back, like a worker logging metrics. */
function startWriter(file: string, ms: number) {
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)});
    const db = new Database(${JSON.stringify(file)}, { timeout: 10000 });
    db.exec("CREATE TABLE IF NOT EXISTS _writer (x INTEGER)");
    const insert = db.prepare("INSERT INTO _writer VALUES (?)");
    process.stdout.write("ready\\n");
    const end = Date.now() + ${ms};
    let n = 0;
    while (Date.now() < end) insert.run(n++);
    process.stdout.write("wrote " + n + "\\n");`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  const ready = new Promise<void>((resolve) => child.stdout.on("data", () => resolve()));
  const done = new Promise<string>((resolve) => child.on("exit", () => resolve(out)));
  return { ready, done };
}

// PostgreSQL has no file lock to wait for: this is SQLite's multi-process story.
describe.skipIf(testEngine() !== "sqlite")("transactions while another process writes", () => {
  const t = testDbForSuite();

  it("completes every read-then-write transaction", async () => {
    const runId = await t.newRun();
    const writer = startWriter(fileFromUrl(t.url), 3000);
    await writer.ready;
    const failures: string[] = [];
    for (let i = 0; i < 40; i++) {
      await t.db[prisma]
        .$transaction(async (tx) => {
          const run = await tx.run.findUniqueOrThrow({ where: { id: runId } });
          await sleep(5); // the other process commits meanwhile
          await tx.run.update({ where: { id: runId }, data: { name: `${run.name.split("#")[0]}#${i}` } });
        })
        .catch((err: Error) => failures.push(err.message));
    }
    expect(await writer.done).toMatch(/wrote \d+/);
    expect(failures).toEqual([]);
    expect((await t.db[prisma].run.findUniqueOrThrow({ where: { id: runId } })).name).toMatch(/#39$/);
  }, 30_000);
});
