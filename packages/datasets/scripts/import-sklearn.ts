/**
 * One-off converter: scikit-learn's bundled UCI tables (first row "n_rows,n_features,class names…", no
 * column names) → plain CSVs with a header row that parseCsvText reads. Run: pnpm import:sklearn [dir].
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";

const SKLEARN_DATA = process.argv[2] ?? "/usr/lib/python3/dist-packages/sklearn/datasets/data";
const OUT = join(import.meta.dirname, "..", "data");

// Column names as scikit-learn's loaders (sklearn/datasets/_base.py) attach them.
const IRIS = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"];
const WINE = [
  "alcohol",
  "malic_acid",
  "ash",
  "alcalinity_of_ash",
  "magnesium",
  "total_phenols",
  "flavanoids",
  "nonflavanoid_phenols",
  "proanthocyanins",
  "color_intensity",
  "hue",
  "od280/od315_of_diluted_wines",
  "proline",
];
const CANCER_MEASURES = [
  "radius",
  "texture",
  "perimeter",
  "area",
  "smoothness",
  "compactness",
  "concavity",
  "concave points",
  "symmetry",
  "fractal dimension",
];
const CANCER = [
  ...CANCER_MEASURES.map((m) => `mean ${m}`),
  ...CANCER_MEASURES.map((m) => `${m} error`),
  ...CANCER_MEASURES.map((m) => `worst ${m}`),
];
const DIGITS = Array.from({ length: 64 }, (_, i) => `pixel_${Math.floor(i / 8)}_${i % 8}`);

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const csvLine = (fields: string[]) => fields.map(csvField).join(",");

/** sklearn layout: a "rows,features,name0,name1,…" line, then rows of features followed by a class index. */
function convertWithCountsHeader(file: string, featureNames: string[]): string {
  const [first = "", ...body] = readFileSync(join(SKLEARN_DATA, file), "utf8").trim().split(/\r?\n/);
  const [rows, features, ...classNames] = first.split(",");
  if (Number(rows) !== body.length || Number(features) !== featureNames.length) {
    throw new Error(`${file}: header says ${rows}×${features}, found ${body.length}×${featureNames.length}`);
  }
  const out = body.map((line) => {
    const fields = line.split(",");
    const cls = classNames[Number(fields.pop())];
    if (cls === undefined || fields.length !== featureNames.length)
      throw new Error(`${file}: bad row '${line}'`);
    return csvLine([...fields, cls]);
  });
  return `${[csvLine([...featureNames, "class"]), ...out].join("\n")}\n`;
}

/** digits.csv.gz has no header at all: 64 pixel counts and the digit per row. */
function convertDigits(): Buffer {
  const lines = gunzipSync(readFileSync(join(SKLEARN_DATA, "digits.csv.gz")))
    .toString("utf8")
    .trim()
    .split(/\r?\n/);
  const out = lines.map((line) => {
    const fields = line.split(",").map((f) => String(Math.round(Number(f))));
    if (fields.length !== 65) throw new Error(`digits: row with ${fields.length} fields`);
    return fields.join(",");
  });
  return gzipSync(`${[csvLine([...DIGITS, "digit"]), ...out].join("\n")}\n`, { level: 9 });
}

writeFileSync(join(OUT, "iris.csv"), convertWithCountsHeader("iris.csv", IRIS));
writeFileSync(join(OUT, "wine.csv"), convertWithCountsHeader("wine_data.csv", WINE));
writeFileSync(join(OUT, "breast_cancer.csv"), convertWithCountsHeader("breast_cancer.csv", CANCER));
writeFileSync(join(OUT, "digits.csv.gz"), convertDigits());
console.log(`wrote iris, wine, breast_cancer, digits to ${OUT}`);
