/**
 * `npm start`'s web tier: several `next start` processes behind one port (bin/serve.ts). Both answer, and
 * one killed is replaced while the other serves. A connection handed to the dying process in the moment it
 * dies is lost (node:cluster cannot take it back): the client's timeout ends it, so requests here have one.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { createTempDb, startRedis, startWebApp, waitFor } from "@actlab/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** The launcher's `next start` children, by pid. */
function webProcesses(launcherPid: number): number[] {
  const children = fs.readFileSync(`/proc/${launcherPid}/task/${launcherPid}/children`, "utf8");
  return children
    .split(" ")
    .filter(Boolean)
    .map(Number)
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("next");
      } catch {
        return false; // exited meanwhile
      }
    });
}

/** The status of a GET on a new connection, or the error; at most 5 s. */
const statusOf = (url: string) =>
  new Promise<number | string>((resolve) => {
    const req = http.get(url, { agent: false, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", (err) => resolve(err.message));
  });

describe("the web tier on every core", () => {
  const temp = createTempDb();
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let web: Awaited<ReturnType<typeof startWebApp>>;
  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      DATABASE_URL: temp.url,
      REDIS_URL: redis.url,
      ACTLAB_AUTH_SECRET: randomBytes(32).toString("base64url"),
    };
    web = await startWebApp(env, { processes: 2 });
  }, 120_000);
  afterAll(async () => {
    await web?.process.stop();
    await redis?.stop();
    temp.remove();
  });

  it("serves one port from two processes and starts a killed one again", async () => {
    const launcher = web.process.child.pid as number;
    const url = `${web.baseUrl.replace("localhost", "127.0.0.1")}/api/trpc/meta.options`;
    const before = await waitFor("two web processes", () => {
      const now = webProcesses(launcher);
      return now.length === 2 && now;
    });
    expect(await statusOf(url)).toBe(200);
    process.kill(before[0] as number, "SIGKILL");
    const after = await waitFor(
      "a replacement",
      () => {
        const now = webProcesses(launcher);
        return now.length === 2 && !now.includes(before[0] as number) && now;
      },
      60_000,
    );
    expect(after).toContain(before[1]);
    expect(web.process.output()).toContain("a web process exited (SIGKILL); starting another");
    await waitFor(
      "both answering",
      async () => (await Promise.all(Array.from({ length: 8 }, () => statusOf(url)))).every((s) => s === 200),
      60_000,
    );
  }, 180_000);
});
