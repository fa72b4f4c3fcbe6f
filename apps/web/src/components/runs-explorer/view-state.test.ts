import { describe, expect, it } from "vitest";
import { columnLabel, columnMinWidth, formatCell, metricColumn, parseColumn } from "./columns";
import { compareHref, DEFAULT_VIEW, errorColumn, nextSort, readView, writeView } from "./view-state";

describe("explorer view in the URL", () => {
  it("round-trips filter, sort, direction and columns through search params", () => {
    const view = {
      filter: "activation in (relu, swish) and val/acc > 0.9",
      sort: "max(val/acc)",
      dir: "asc" as const,
      columns: ["lr", "min(val/loss)", "val/acc"],
    };
    const params = writeView(view);
    expect(readView(new URLSearchParams(params.toString()))).toEqual(view);
  });

  it("keeps the plain home page URL empty for the default view", () => {
    expect(writeView(DEFAULT_VIEW).toString()).toBe("");
    expect(readView(new URLSearchParams())).toEqual(DEFAULT_VIEW);
  });

  it("falls back to defaults for a malformed direction and keeps an explicit empty column list", () => {
    const view = readView(new URLSearchParams("dir=sideways&cols="));
    expect(view.dir).toBe("desc");
    expect(view.columns).toEqual([]);
  });

  it("flips the direction on the sorted column and starts a new one descending", () => {
    expect(nextSort({ ...DEFAULT_VIEW, sort: "lr", dir: "desc" }, "lr")).toEqual({ sort: "lr", dir: "asc" });
    expect(nextSort({ ...DEFAULT_VIEW, sort: "lr", dir: "asc" }, "val/acc")).toEqual({
      sort: "val/acc",
      dir: "desc",
    });
  });

  it("links the selected runs to the compare page in selection order", () => {
    expect(compareHref(["b", "a"])).toBe("/compare?runs=b,a");
  });
});

describe("explorer columns", () => {
  it("writes and reads metric figures, with a slashed key's last value as the key itself", () => {
    expect(metricColumn("val/acc", "last")).toBe("val/acc");
    expect(metricColumn("lr", "last")).toBe("last(lr)");
    expect(metricColumn("val/loss", "best")).toBe("best(val/loss)");
    expect(parseColumn("best(val/loss)")).toEqual({ kind: "metric", key: "val/loss", figure: "best" });
    expect(parseColumn("val/acc")).toEqual({ kind: "metric", key: "val/acc", figure: "last" });
    expect(parseColumn("dataset.name")).toEqual({ kind: "param", key: "dataset.name" });
    expect(columnLabel("max(val/acc)")).toEqual({ key: "val/acc", figure: "max" });
  });

  it("shows params as stored and rounds metric figures", () => {
    expect(formatCell("lr", 0.001)).toBe("0.001");
    expect(formatCell("hiddenLayers", "16-16")).toBe("16-16");
    expect(formatCell("val/acc", 0.912345)).toBe("0.9123");
    expect(formatCell("count(val/acc)", 12000)).toBe("12,000");
    expect(formatCell("val/acc", null)).toBe("—");
  });

  it("finds the column of a server parse error for the caret", () => {
    expect(errorColumn("expected a value after '>', found the end at column 32")).toBe(32);
    expect(errorColumn("something else")).toBeNull();
  });
});

describe("column widths", () => {
  it("fits a column's header, where a min, max or best happened, and the sorted column's arrow", () => {
    expect(columnMinWidth("learning_rate_schedule", false)).toBeGreaterThan(columnMinWidth("lr", false));
    expect(columnMinWidth("best(val/acc)", false)).toBeGreaterThan(columnMinWidth("val/acc", false));
    expect(columnMinWidth("count(val/acc)", false)).toBeLessThan(columnMinWidth("best(val/acc)", false));
    expect(columnMinWidth("hiddenLayers", true)).toBeGreaterThan(columnMinWidth("hiddenLayers", false));
  });
});
