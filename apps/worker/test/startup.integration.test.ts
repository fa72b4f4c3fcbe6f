import { spawnWorkerApp, waitFor } from "@actlab/test-utils";
import { describe, expect, it } from "vitest";

const start = spawnWorkerApp;

describe("worker start-up", () => {
  it("says in one line that Redis is unreachable, without a stack trace", async () => {
    const proc = start({
      REDIS_URL: "redis://127.0.0.1:1",
      DATABASE_URL: "file:/tmp/actlab-startup-test.db",
    });
    await waitFor("exit", () => proc.child.exitCode !== null, 20_000);
    expect(proc.child.exitCode).toBe(1);
    expect(proc.output()).toMatch(/^worker: cannot reach Redis at redis:\/\/127\.0\.0\.1:1/m);
    expect(proc.output()).not.toMatch(/\n\s+at /);
  });

  it("names the variable when the configuration is invalid", async () => {
    const proc = start({ REDIS_URL: "not-a-url" });
    await waitFor("exit", () => proc.child.exitCode !== null, 20_000);
    expect(proc.child.exitCode).toBe(1);
    expect(proc.output()).toMatch(/REDIS_URL is "not-a-url".*example: REDIS_URL=redis:\/\/127\.0\.0\.1:6379/);
  });

  it("says in one line that the database cannot be written", async () => {
    const proc = start({ REDIS_URL: "redis://127.0.0.1:1", DATABASE_URL: "file:/proc/actlab/nope.db" });
    await waitFor("exit", () => proc.child.exitCode !== null, 20_000);
    expect(proc.child.exitCode).toBe(1);
    expect(proc.output()).toMatch(/^worker: cannot/m);
  });
});
