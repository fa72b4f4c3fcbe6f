import { describe, expect, it } from "vitest";
import { linesToCsv, linesToSvg } from "./compare-export";
import type { Line } from "./compare-model";

const lines: Line[] = [
  {
    label: "relu mean",
    group: "relu",
    kind: "mean",
    color: "#6366f1",
    x: [1, 2, 3],
    y: [0.5, null, 0.9],
    lo: [0.4, null, 0.8],
    hi: [0.6, null, 1],
  },
  { label: 'odd, "name"', group: "x", kind: "run", color: "#f97316", x: [1, 2], y: [0.1, 0.2] },
];

describe("compare exports", () => {
  it("writes one CSV row per plotted point, quoting awkward names and skipping gaps", () => {
    const csv = linesToCsv(lines, "step").trim().split("\n");
    expect(csv[0]).toBe("line,group,kind,step,value,band_lo,band_hi");
    expect(csv).toHaveLength(1 + 2 + 2);
    expect(csv[1]).toBe("relu mean,relu,mean,1,0.5,0.4,0.6");
    expect(csv[3]).toBe('"odd, ""name""",x,run,1,0.1,,');
  });

  it("draws every line and band as SVG paths, breaking the line at gaps", () => {
    const svg = linesToSvg(lines, { width: 400, height: 200, logY: false, title: "val/acc" });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(3); // band + 2 lines
    expect(svg).toMatch(/M[\d.]+,[\d.]+M[\d.]+,[\d.]+/); // pen lifted over the null
    expect(svg).toContain('odd, "name"');
  });

  it("carries its title and a legend entry per group or run", () => {
    const svg = linesToSvg(lines, { width: 400, height: 200, logY: false, title: "val/acc by activation" });
    expect(svg).toContain(">val/acc by activation</text>");
    expect(svg).toMatch(/<rect [^>]*fill="[^"]+"\/><text [^>]*>relu mean<\/text>/);
    expect(svg.match(/<rect x=/g)).toHaveLength(2);
  });
});
