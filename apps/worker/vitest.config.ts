import { configDefaults, defineConfig } from "vitest/config";

// Hosts that share no file share a PostgreSQL server, and the scale-out test drives the built web app:
// scripts/test-postgres.sh runs it (after `next build` in `npm test`); on SQLite it is not collected.
const onPostgres = Boolean(process.env.ACTLAB_TEST_POSTGRES_TEMPLATE);

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: onPostgres ? configDefaults.exclude : [...configDefaults.exclude, "test/scale-out.*"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Integration tests start real processes: one file at a time keeps 2 cores honest.
    fileParallelism: false,
  },
});
