import { describe, expect, it } from "vitest";
import { CsvDatasetError } from "./csv-error";
import { parseCsvText } from "./parse-csv-text";

const IRIS_HEAD = "sepal_length,sepal_width,petal_length,petal_width,species\n";
// One row is enough here: these tests are about reading; the minimum row count has its own test.
const parse = (text: string, labelColumn?: string | number) =>
  parseCsvText(text, { name: "t", labelColumn, minRows: 1 });

const errorOf = (fn: () => unknown): CsvDatasetError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof CsvDatasetError) return e;
    throw e;
  }
  throw new Error("expected a CsvDatasetError");
};

describe("parseCsvText: good files", () => {
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

describe("parseCsvText: bad files name the line and the problem", () => {
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

  it("rejects fewer rows than training, validation and test need", () => {
    const e = errorOf(() => parseCsvText("a,y\n1,x\n", { name: "t" }));
    expect(e.message).toBe(
      "1 data row; a dataset needs at least 10 (training, validation and test each take some)",
    );
  });

  it("rejects an unterminated quote", () => {
    expect(errorOf(() => parse('a,y\n1,x\n"2,z\n3,y\n')).message).toBe(
      "line 4: a quoted field is never closed before the end of the file",
    );
  });

  it("rejects a quote in the middle of a field, naming the column", () => {
    const e = errorOf(() => parse('a,y\n1,x\n2"5,z\n'));
    expect(e.message).toBe("line 3: a quote in the middle of the unquoted field 'column 1'");
  });

  it("says which delimiter a semicolon- or tab-separated file uses", () => {
    expect(errorOf(() => parse("a;b;y\n1;2;x\n")).message).toBe(
      "line 1: the header is one column; the file seems to be separated by ';' — save it comma-separated",
    );
    expect(errorOf(() => parse("a\tb\ty\n1\t2\tx\n")).message).toMatch(/separated by tabs/);
  });

  it("rejects a header that names a column twice", () => {
    expect(errorOf(() => parse("a,a,y\n1,2,x\n")).message).toBe("line 1: the header names column 'a' twice");
  });

  it("rejects an unknown label column", () => {
    expect(errorOf(() => parse("a,y\n1,x\n2,z\n", "species")).message).toMatch(/no column 'species'/);
  });

  it("rejects an empty label", () => {
    expect(errorOf(() => parse("a,y\n1,x\n2,\n")).message).toBe("line 3: the label column 'y' is empty");
  });
});
