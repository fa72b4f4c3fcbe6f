import { describe, expect, it } from "vitest";
import { previewCsv } from "./csv-preview";

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => `${i},${i % 4},${i % 2 ? "a" : "b"}\n`).join("");

describe("previewCsv", () => {
  it("shows the header and the first rows of a good file", () => {
    const p = previewCsv(`x,y,label\n${rows(30)}`, true);
    expect(p.header).toEqual(["x", "y", "label"]);
    expect(p.rows).toHaveLength(8);
    expect(p.problem).toBeNull();
  });

  it("reports what the server would refuse, in its words", () => {
    expect(previewCsv(`x;y;label\n1;2;a\n`, true).problem).toMatch(/separated by ';'/);
    expect(previewCsv(`x,y,label\n${rows(3)}z,1,a\n`, false).problem).toBe(
      "line 5: column 'x' is 'z', not a number",
    );
    expect(previewCsv(`x,y,label\n1,2,a\n`, true).problem).toMatch(/^1 data row/);
    expect(previewCsv(`x,y,label\n${rows(30)}`, true, "colour").problem).toMatch(/no column 'colour'/);
  });

  it("ignores the cut-off last line of a file's start", () => {
    const start = `x,y,label\n${rows(20)}12,3,"unfinis`;
    expect(previewCsv(start, false).problem).toBeNull();
  });
});
