import { configDefaults, defineConfig } from "vitest/config";

// Web replicas that share no disk share a PostgreSQL server: scripts/test-postgres.sh runs that test
// (npm test does, after the browser tests); on SQLite it is not collected.
const onPostgres = Boolean(process.env.ACTLAB_TEST_POSTGRES_TEMPLATE);

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    exclude: onPostgres ? configDefaults.exclude : [...configDefaults.exclude, "e2e/replicas.*"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // expect.poll waits for the real app (a first request may compile routes), not vitest's default 1 s.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
