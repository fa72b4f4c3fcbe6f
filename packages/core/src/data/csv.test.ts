import { describe, expect, it } from "vitest";
import { CsvDatasetError, parseCsvDataset } from "./csv";

const IRIS_HEAD = "sepal_length,sepal_width,petal_length,petal_width,species\n";
const parse = (text: string, labelColumn?: string | number) =>
  parseCsvDataset(text, { name: "t", labelColumn });

const errorOf = (fn: () => unknown): CsvDatasetError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof CsvDatasetError) return e;
    throw e;
  }
  throw new Error("expected a CsvDatasetError");
};

describe("parseCsvDataset: good files", () => {
  it("reads features row-major and maps string labels to indices in sorted order", () => {
    const ds = parse(`${IRIS_HEAD}5.1,3.5,1.4,0.2,virginica\n4.9,3,1.4,0.2,setosa\n6,2.2,4,1,versicolor\n`);
    expect(ds.rows).toBe(3);
    expect(ds.numFeatures).toBe(4);
    expect(ds.featureNames).toEqual(["sepal_length", "sepal_width", "petal_length", "petal_width"]);
    expect(ds.classNames).toEqual(["setosa", "versicolor", "virginica"]);
    expect(Array.from(ds.labels)).toEqual([2, 0, 1]);
    expect(Array.from(ds.features.subarray(4, 8))).toEqual([4.9, 3, 1.4, 0.2].map(Math.fround));
    expect(ds.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it("sorts integer labels numerically, not as strings", () => {
    const ds = parse("a,y\n1,10\n2,9\n3,2\n");
    expect(ds.classNames).toEqual(["2", "9", "10"]);
    expect(Array.from(ds.labels)).toEqual([2, 1, 0]);
  });

  it("accepts CRLF line ends, quoted fields, a BOM and a missing final newline", () => {
    const ds = parse('\uFEFF"x, first",y,label\r\n"1.5",2,"class ""a"""\r\n3,-4e-1,b');
    expect(ds.featureNames).toEqual(["x, first", "y"]);
    expect(ds.classNames).toEqual(["b", 'class "a"']);
    expect(Array.from(ds.features)).toEqual([1.5, 2, 3, -0.4].map(Math.fround));
  });

  it("takes the label column by name or index", () => {
    const byName = parse("y,a,b\ncat,1,2\ndog,3,4\n", "y");
    const byIndex = parse("y,a,b\ncat,1,2\ndog,3,4\n", 0);
    expect(byName.featureNames).toEqual(["a", "b"]);
    expect(Array.from(byName.features)).toEqual([1, 2, 3, 4]);
    expect(byIndex.hash).toBe(byName.hash);
  });

  it("skips blank lines", () => {
    expect(parse("a,y\n1,0\n\n2,1\n\n").rows).toBe(2);
  });
});

describe("parseCsvDataset: bad files name the line and the problem", () => {
  it("rejects a non-numeric feature", () => {
    const rows = Array.from({ length: 12 }, (_, i) => `5,3,1,${i},setosa\n`).join("");
    const e = errorOf(() => parse(`${IRIS_HEAD}${rows}5,3,1,abc,virginica\n`));
    expect(e.message).toBe("line 14: column 'petal_width' is 'abc', not a number");
  });

  it("rejects an empty feature value", () => {
    expect(errorOf(() => parse("a,b,y\n1,,x\n2,3,z\n")).message).toBe(
      "line 2: column 'b' is '', not a number",
    );
  });

  it("rejects a row with the wrong number of fields", () => {
    const e = errorOf(() => parse(`${IRIS_HEAD}5,3,1,0.2,setosa\n5,3,1,setosa\n`));
    expect(e.message).toBe("line 3: 4 fields, expected 5");
  });

  it("rejects an empty file", () => {
    expect(errorOf(() => parse("")).message).toMatch(/empty/);
    expect(errorOf(() => parse("\n\r\n")).message).toMatch(/empty/);
  });

  it("rejects a file without a header row", () => {
    expect(errorOf(() => parse("1,2,0\n3,4,1\n")).message).toMatch(/^line 1: no header row/);
    expect(errorOf(() => parse("5.1,3.5,setosa\n4.9,3,virginica\n")).message).toMatch(
      /^line 1: no header row/,
    );
  });

  it("rejects a file with a header and no rows", () => {
    expect(errorOf(() => parse(IRIS_HEAD)).message).toMatch(/no data rows/);
  });

  it("rejects fewer than two classes", () => {
    expect(errorOf(() => parse("a,y\n1,x\n2,x\n")).message).toMatch(/'y' has 1 class; need at least 2/);
  });

  it("rejects input over the size limit before parsing", () => {
    const e = errorOf(() => parseCsvDataset("a,y\n1,x\n2,z\n", { name: "t", maxChars: 10 }));
    expect(e.message).toMatch(/more than the limit of 10/);
  });

  it("rejects an unterminated quote at the line it opens", () => {
    expect(errorOf(() => parse('a,y\n1,x\n"2,z\n3,y\n')).message).toBe("line 3: unterminated quoted field");
  });

  it("rejects an unknown label column", () => {
    expect(errorOf(() => parse("a,y\n1,x\n2,z\n", "species")).message).toMatch(/no column 'species'/);
  });

  it("rejects an empty label", () => {
    expect(errorOf(() => parse("a,y\n1,x\n2,\n")).message).toBe("line 3: the label column 'y' is empty");
  });
});
