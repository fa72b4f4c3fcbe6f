import { defineConfig } from "vitest/config";

// The api's tests hash passwords (scrypt) and talk to a real Redis and SQLite: seconds each on a loaded
// 2-core machine, so vitest's 5 s default would fail them on load alone, not on behaviour.
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 120_000 } });
