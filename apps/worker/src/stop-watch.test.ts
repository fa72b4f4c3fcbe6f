import { describe, expect, it } from "vitest";
import { type StopRequest, watchForStop } from "./stop-watch";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stop watch over a run whose answer the test sets, counting how often it was asked. */
function watched(everyMs: number) {
  let answer: StopRequest = null;
  let asked = 0;
  const stop = watchForStop(
    {
      read: () => null,
      ask: async () => {
        asked++;
        return answer;
      },
    },
    everyMs,
  );
  return {
    stop,
    set: (a: StopRequest) => {
      answer = a;
    },
    asked: () => asked,
  };
}

describe("watchForStop", () => {
  it("asks as it starts, and again before costly work once its answer is over two polls old", async () => {
    const w = watched(20);
    expect(w.asked()).toBe(1);
    w.stop.close(); // no background polls from here on
    await pause(60);
    w.set("cancel");
    expect(await w.stop.checkNow()).toBe("cancel");
    expect(w.asked()).toBe(2);
  });

  it("reuses an answer at most two polls old, so short epochs skip the round trip", async () => {
    const w = watched(50);
    await pause(80); // the background poll has answered "go on"
    const before = w.asked();
    expect(before).toBeGreaterThan(0);
    expect(await w.stop.checkNow()).toBeNull();
    expect(w.asked()).toBe(before);
    w.stop.close();
    await pause(150); // no poll since: the answer is stale, and a cancel meanwhile is seen now
    w.set("cancel");
    expect(await w.stop.checkNow()).toBe("cancel");
    expect(w.asked()).toBe(before + 1);
  });
});
