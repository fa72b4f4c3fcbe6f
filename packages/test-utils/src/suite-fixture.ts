/** One fixture per test suite: started before the suite's first hook, stopped after its last. */
import { afterAll, beforeAll } from "vitest";

/**
 * Registers the hooks in the suite (test file or describe block) it is called in and returns a stand-in
 * for the fixture, which exists only once beforeAll has run: read its fields inside hooks and tests.
 * The timeout allows for what fixtures start: prisma migrate deploy, redis-server, app processes.
 */
export function fixtureForSuite<T extends object>(
  what: string,
  start: () => Promise<T>,
  stop: (fixture: T) => Promise<void>,
  timeoutMs = 120_000,
): T {
  let fixture: T | undefined;
  beforeAll(async () => {
    fixture = await start();
  }, timeoutMs);
  afterAll(async () => {
    if (fixture) await stop(fixture);
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (!fixture) throw new Error(`${what} is not started yet`);
      return fixture[key as keyof T];
    },
  });
}
