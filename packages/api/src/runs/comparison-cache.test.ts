import { describe, expect, it } from "vitest";
import { createComparisonCache } from "./comparison-cache";

const size = (s: string) => s.length;

describe("comparison cache", () => {
  it("runs one load for 200 identical calls in flight and serves the next from memory", async () => {
    const cache = createComparisonCache({ maxBytes: 1 << 20 });
    let release: (v: string) => void = () => {};
    const gate = new Promise<string>((resolve) => {
      release = resolve;
    });
    let loads = 0;
    const load = () => {
      loads++;
      return gate;
    };
    const calls = Array.from({ length: 200 }, () => cache.getOrLoad("k", load, size));
    release("payload");
    expect(new Set(await Promise.all(calls))).toEqual(new Set(["payload"]));
    expect(await cache.getOrLoad("k", load, size)).toBe("payload");
    expect(loads).toBe(1);
    expect(cache.stats()).toMatchObject({ loads: 1, coalesced: 199, hits: 1, entries: 1, bytes: 7 });
  });

  it("hands a failed load's error to every waiter and keeps nothing, so the next call loads again", async () => {
    const cache = createComparisonCache({ maxBytes: 1 << 20 });
    let loads = 0;
    const failing = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      throw new Error("database is locked");
    };
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => cache.getOrLoad("k", failing, size)),
    );
    expect(results.every((r) => r.status === "rejected" && /database is locked/.test(String(r.reason)))).toBe(
      true,
    );
    expect(loads).toBe(1);
    expect(cache.stats().entries).toBe(0);
    expect(await cache.getOrLoad("k", async () => "fresh", size)).toBe("fresh");
    expect(cache.stats().loads).toBe(2);
  });

  it("stays within its bytes by dropping the least recently used entry", async () => {
    const cache = createComparisonCache({ maxBytes: 10 });
    await cache.getOrLoad("a", async () => "aaaa", size);
    await cache.getOrLoad("b", async () => "bbbb", size);
    await cache.getOrLoad("a", async () => "never", size); // a is now the most recent
    await cache.getOrLoad("c", async () => "cccc", size); // 12 bytes: b goes
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 8 });
    expect(await cache.getOrLoad("a", async () => "reloaded", size)).toBe("aaaa");
    expect(await cache.getOrLoad("b", async () => "reloaded", size)).toBe("reloaded");
    // Larger than the whole cache: served, never kept.
    expect(await cache.getOrLoad("big", async () => "x".repeat(11), size)).toHaveLength(11);
    expect(cache.stats().bytes).toBeLessThanOrEqual(10);
  });
});
