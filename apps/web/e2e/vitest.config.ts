import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // expect.poll waits for the real app (a first request may compile routes), not vitest's default 1 s.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
