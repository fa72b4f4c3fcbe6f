import { describe, expect, it } from "vitest";
import {
  compareQueryInput,
  compareStateToQuery,
  parseCompareState,
  patchCompareState,
  zoomFromDrag,
} from "./compare-state";

const parse = (query: string) => parseCompareState(new URLSearchParams(query));

describe("compare URL state", () => {
  it("round-trips through the query string and falls back on bad values", () => {
    const s = parse(
      "runs=a,b&key=val/loss&x=epoch&log=1&group=lr&band=ci95&smooth=0.8&hide=0.1&from=2&to=7.5",
    );
    expect(s).toMatchObject({
      runs: ["a", "b"],
      key: "val/loss",
      x: "epoch",
      log: true,
      group: "lr",
      band: "ci95",
      smooth: 0.8,
      hide: ["0.1"],
      zoom: { from: 2, to: 7.5 },
    });
    expect(parse(compareStateToQuery(s))).toEqual(s);
    const bad = parse("x=sideways&smooth=7&band=huge");
    expect(bad).toMatchObject({
      x: "step",
      smooth: 0,
      band: "std",
      group: "activation",
      runs: [],
      zoom: null,
    });
  });

  it("keeps a zoom only as a pair of finite numbers with from < to", () => {
    expect(parse("from=120&to=480").zoom).toEqual({ from: 120, to: 480 });
    expect(parse("from=-1.5&to=0").zoom).toEqual({ from: -1.5, to: 0 });
    for (const query of [
      "from=480&to=120",
      "from=5&to=5",
      "from=120",
      "to=480",
      "from=&to=480",
      "from=a&to=9",
      "from=1&to=1e999",
    ]) {
      expect(parse(query).zoom, query).toBeNull();
    }
    expect(compareStateToQuery(parse("runs=a&from=9&to=3"))).not.toMatch(/from|to=/);
  });

  it("drops the zoom when the x axis changes, as its numbers were in the old axis' units", () => {
    const zoomed = parse("runs=a&from=120&to=480");
    expect(patchCompareState(zoomed, { smooth: 0.5 }).zoom).toEqual({ from: 120, to: 480 });
    expect(patchCompareState(zoomed, { x: "step" }).zoom).toEqual({ from: 120, to: 480 });
    expect(patchCompareState(zoomed, { x: "epoch" }).zoom).toBeNull();
    expect(patchCompareState(zoomed, { x: "epoch", zoom: { from: 1, to: 2 } }).zoom).toEqual({
      from: 1,
      to: 2,
    });
  });

  it("widens a dragged step range to whole steps and rounds other axes to a thousandth", () => {
    expect(zoomFromDrag("step", { from: 120.7, to: 479.2 })).toEqual({ from: 120, to: 480 });
    expect(zoomFromDrag("epoch", { from: 2.12345, to: 7.98765 })).toEqual({ from: 2.123, to: 7.988 });
    expect(zoomFromDrag("relative", { from: 1.0001, to: 1.0002 })).toBeNull();
  });

  it("asks the server for the zoomed range on the step axis only", () => {
    expect(compareQueryInput(parse("runs=a&from=120&to=480"), 1200).range).toEqual({ from: 120, to: 480 });
    expect(compareQueryInput(parse("runs=a&x=epoch&from=1&to=2"), 1200).range).toBeUndefined();
    expect(compareQueryInput(parse("runs=a"), 1200).range).toBeUndefined();
  });
});
