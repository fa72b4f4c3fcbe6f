import { describe, expect, it } from "vitest";
import {
  FilterExpressionError,
  formatFieldRef,
  parseFieldExpression,
  parseFilterExpression,
  tokenize,
} from "./filter-expression";

const parse = (s: string) => parseFilterExpression(s).filter;
const errorOf = (s: string) => {
  try {
    parseFilterExpression(s);
  } catch (err) {
    return err as FilterExpressionError;
  }
  throw new Error(`expected ${s} to fail`);
};

describe("filter expressions", () => {
  it("parses in-lists, metric comparisons and param comparisons joined by and", () => {
    expect(parse("activation in (relu, swish) and val/acc > 0.9 and lr <= 0.01")).toEqual({
      kind: "and",
      items: [
        { kind: "in", field: { kind: "run", field: "activation" }, values: ["relu", "swish"] },
        { kind: "compare", field: { kind: "metric", key: "val/acc", agg: "last" }, op: ">", value: 0.9 },
        { kind: "compare", field: { kind: "param", key: "lr" }, op: "<=", value: 0.01 },
      ],
    });
  });

  it("binds and tighter than or, and lets parentheses and not regroup", () => {
    expect(parse("seed = 1 or seed = 2 and status = completed")).toMatchObject({
      kind: "or",
      items: [{ kind: "compare" }, { kind: "and" }],
    });
    expect(parse("not (seed = 1 or seed = 2) and status = completed")).toMatchObject({
      kind: "and",
      items: [
        { kind: "not", item: { kind: "or" } },
        { kind: "compare", value: "completed" },
      ],
    });
  });

  it("reads every comparison operator, with <> and == as aliases", () => {
    const ops = ["=", "!=", "<", "<=", ">", ">="].map((op) => parse(`lr ${op} 1`));
    expect(ops.map((f) => (f.kind === "compare" ? f.op : null))).toEqual(["=", "!=", "<", "<=", ">", ">="]);
    expect(parse("lr <> 1")).toMatchObject({ op: "!=" });
    expect(parse("lr==1")).toMatchObject({ op: "=" });
  });

  it("reads quoted strings with escapes, bare words like 16-16 and numbers like 1e-3", () => {
    expect(parse(`name = "relu \\"big\\" run"`)).toMatchObject({ value: 'relu "big" run' });
    expect(parse("hiddenLayers = 16-16")).toMatchObject({
      field: { kind: "param", key: "hiddenLayers" },
      value: "16-16",
    });
    expect(parse("lr < 1e-3")).toMatchObject({ value: 0.001 });
    expect(parse("dataset.name not in ('moons', spirals)")).toEqual({
      kind: "not",
      item: { kind: "in", field: { kind: "param", key: "dataset.name" }, values: ["moons", "spirals"] },
    });
  });

  it("resolves min(), max(), best() and count() to metric summaries", () => {
    expect(parse("max(val/acc) >= 0.95 and min(val/loss) < 0.1")).toMatchObject({
      items: [
        { field: { kind: "metric", key: "val/acc", agg: "max" } },
        { field: { kind: "metric", key: "val/loss", agg: "min" } },
      ],
    });
    expect(parse("count(lr) > 3")).toMatchObject({ field: { kind: "metric", key: "lr", agg: "count" } });
  });

  it("lists every name it used with its column, for the unknown-name check", () => {
    expect(parseFilterExpression("lr > 1 and  max(val/acc) > 0.5").uses).toEqual([
      { ref: { kind: "param", key: "lr" }, text: "lr", column: 1 },
      { ref: { kind: "metric", key: "val/acc", agg: "max" }, text: "max(val/acc)", column: 13 },
    ]);
  });

  it("says where a value is missing", () => {
    const err = errorOf("activation = relu and val/acc >");
    expect(err).toBeInstanceOf(FilterExpressionError);
    expect(err.column).toBe(32);
    expect(err.message).toBe("expected a value after '>', found the end at column 32");
  });

  it("names the problem and its column for each kind of mistake", () => {
    expect(errorOf("").message).toBe("expected a condition at column 1");
    expect(errorOf("lr 0.1").message).toMatch(/expected a comparison .* after 'lr', found '0.1' at column 4/);
    expect(errorOf("(lr > 1").message).toBe(
      "expected ')' to close the '(' opened at column 1, found the end at column 8",
    );
    expect(errorOf("lr > 1 seed = 2").message).toBe(
      "expected 'and', 'or' or the end, found 'seed' at column 8",
    );
    expect(errorOf("name = 'abc").message).toBe("unterminated string (missing ') at column 8");
    expect(errorOf("lr > 1 & seed = 2").message).toBe("unexpected character '&' at column 8");
    expect(errorOf("median(val/acc) > 1").message).toMatch(
      /^unknown function 'median' \(use last, min, max, best, count\) at column 1/,
    );
    expect(errorOf("activation in (relu swish)").message).toBe(
      "expected ',' or ')' in the list, found 'swish' at column 21",
    );
    expect(errorOf("and > 1").message).toBe("expected a field name, found 'and' at column 1");
  });

  it("refuses text where a number or a date is needed", () => {
    expect(errorOf("val/acc > high").message).toBe("'val/acc' is a number; 'high' is not at column 11");
    expect(errorOf("seed = x").message).toMatch(/'seed' is a number/);
    expect(errorOf("createdAt > yesterday").message).toMatch(/'createdAt' is a date; 'yesterday' is not/);
    expect(errorOf("createdAt > 2026").message).toMatch(/'createdAt' is a date; '2026' is not/);
    expect(parse('createdAt > "2026-11-28"')).toMatchObject({ value: "2026-11-28" });
    expect(parse("createdAt > 2026-11-28T10:00")).toMatchObject({ value: "2026-11-28T10:00" });
  });

  it("parses a sort key or column and formats it back to the same text", () => {
    for (const text of [
      "createdAt",
      "lr",
      "dataset.name",
      "val/acc",
      "max(val/acc)",
      "best(val/loss)",
      "count(epoch)",
    ])
      expect(formatFieldRef(parseFieldExpression(text).ref)).toBe(text);
    expect(() => parseFieldExpression("lr > 1")).toThrow("unexpected '>' after the name at column 4");
  });

  it("tokenizes numbers only when the whole word is numeric", () => {
    expect(tokenize("-1 1.5 16-16 .5").map((t) => t.kind)).toEqual([
      "number",
      "number",
      "word",
      "number",
      "end",
    ]);
  });

  it("parses tag equality, tag lists and their negations", () => {
    expect(parse("tag = baseline")).toEqual({ kind: "tag", names: ["baseline"] });
    expect(parse("tag in (a, 'b c')")).toEqual({ kind: "tag", names: ["a", "b c"] });
    expect(parse("tag != x")).toEqual({ kind: "not", item: { kind: "tag", names: ["x"] } });
    expect(parse("tag not in (x) and lr < 0.1")).toEqual({
      kind: "and",
      items: [
        { kind: "not", item: { kind: "tag", names: ["x"] } },
        { kind: "compare", field: { kind: "param", key: "lr" }, op: "<", value: 0.1 },
      ],
    });
  });

  it("parses starred = true and starred != true as the viewer's stars", () => {
    expect(parse("starred = true")).toEqual({ kind: "starred", value: true });
    expect(parse("STARRED != true")).toEqual({ kind: "starred", value: false });
    expect(parse("starred = false or tag = a")).toEqual({
      kind: "or",
      items: [
        { kind: "starred", value: false },
        { kind: "tag", names: ["a"] },
      ],
    });
  });

  it("explains misuse of tag and starred with a column", () => {
    expect(errorOf("starred = maybe").message).toMatch(/'starred' is true or false/);
    expect(errorOf("starred > true").message).toMatch(/'starred' takes '= true'/);
    expect(errorOf("tag > a").message).toMatch(/'tag' takes =, != or in/);
    expect(errorOf("tag in (a b)").message).toMatch(/expected ',' or '\)'/);
    expect(parseFilterExpression("tag = a").uses).toEqual([]);
  });
});
