import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { readActiveRuns, threadsForRun, watchCoreShare } from "./core-share";

/** A Redis whose GET answers `reply` (or throws it, when it is an Error). */
const redisAnswering = (reply: string | null | Error) =>
  ({
    get: async () => {
      if (reply instanceof Error) throw reply;
      return reply;
    },
  }) as unknown as Redis;

describe("readActiveRuns", () => {
  it("reads the worker's count, and says unknown for no entry, a bad entry or Redis away", async () => {
    expect(await readActiveRuns(redisAnswering("3"), "w")).toBe(3);
    expect(await readActiveRuns(redisAnswering("0"), "w")).toBe(0);
    expect(await readActiveRuns(redisAnswering(null), "w")).toBeNull();
    expect(await readActiveRuns(redisAnswering("many"), "w")).toBeNull();
    expect(await readActiveRuns(redisAnswering("-1"), "w")).toBeNull();
    expect(await readActiveRuns(redisAnswering(new Error("ECONNREFUSED")), "w")).toBeNull();
  });
});

describe("threadsForRun", () => {
  it("gives one run every core and shares the idle ones out evenly", () => {
    expect(threadsForRun(2, 1, 2)).toBe(2);
    expect(threadsForRun(2, 2, 2)).toBe(1);
    expect(threadsForRun(8, 3, 8)).toBe(2);
    expect(threadsForRun(8, 1, 8)).toBe(8);
    expect(threadsForRun(16, 5, 16)).toBe(3);
  });

  it("keeps to the configured most, and to one thread when the count is unknown or over the cores", () => {
    expect(threadsForRun(8, 1, 3)).toBe(3);
    expect(threadsForRun(8, 1, 1)).toBe(1);
    expect(threadsForRun(8, null, 8)).toBe(1);
    expect(threadsForRun(2, 5, 2)).toBe(1);
    // A count of 0 (published just before this run's start was) still counts this run.
    expect(threadsForRun(4, 0, 4)).toBe(4);
  });
});

describe("watchCoreShare", () => {
  it("applies the share before the first step, follows the count, and stops when closed", async () => {
    let runs: number | null = 1;
    const applied: number[] = [];
    const share = await watchCoreShare(
      { cores: 4, maxThreads: 4, readActiveRuns: async () => runs, apply: (t) => applied.push(t) },
      5,
    );
    expect(applied).toEqual([4]);
    runs = 2;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(applied.at(-1)).toBe(2);
    share.close();
    runs = 4;
    const count = applied.length;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(applied.length).toBe(count);
  });
});
