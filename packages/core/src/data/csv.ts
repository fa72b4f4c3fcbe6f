/**
 * parseCsvDataset: a header row, numeric feature columns and one label column (strings or integers).
 * Every rejection is a CsvDatasetError whose message names the line and the problem, for the upload form.
 */
import { splitCsvRecords } from "./csv-records";
import { makeDataset } from "./dataset";
import type { Dataset } from "./types";

export class CsvDatasetError extends Error {
  override name = "CsvDatasetError";
}

export type CsvDatasetOptions = {
  name: string;
  /** Header name or 0-based column index; default: the last column. */
  labelColumn?: string | number;
  /** Reject larger inputs before parsing (default 64 MiB of text). */
  maxChars?: number;
};

export const CSV_DEFAULT_MAX_CHARS = 64 * 1024 * 1024;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const fail = (line: number, problem: string): never => {
  throw new CsvDatasetError(`line ${line}: ${problem}`);
};

function findLabelColumn(header: string[], labelColumn: string | number | undefined): number {
  if (labelColumn === undefined) return header.length - 1;
  if (typeof labelColumn === "number") {
    if (Number.isInteger(labelColumn) && labelColumn >= 0 && labelColumn < header.length) return labelColumn;
    return fail(1, `label column ${labelColumn} is out of range (the header has ${header.length} columns)`);
  }
  const index = header.indexOf(labelColumn);
  if (index < 0) return fail(1, `no column '${labelColumn}' in the header (columns: ${header.join(", ")})`);
  return index;
}

/** Distinct labels in sorted order: numerically if every label is a number, else as strings. */
function sortedClassNames(labels: string[]): string[] {
  const distinct = [...new Set(labels)];
  if (distinct.every((l) => NUMBER.test(l))) return distinct.sort((a, b) => Number(a) - Number(b));
  return distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function parseCsvDataset(text: string, options: CsvDatasetOptions): Dataset {
  const maxChars = options.maxChars ?? CSV_DEFAULT_MAX_CHARS;
  if (text.length > maxChars) {
    throw new CsvDatasetError(`the file has ${text.length} characters, more than the limit of ${maxChars}`);
  }
  const records = splitCsvRecords(text.replace(/^\uFEFF/, ""), fail);
  const headerRecord = records[0];
  if (!headerRecord) throw new CsvDatasetError("the file is empty");
  const header = headerRecord.fields.map((h) => h.trim());
  if (header.length < 2) fail(headerRecord.line, "need at least 2 columns: features and a label");
  const labelIndex = findLabelColumn(header, options.labelColumn);
  // Numbers in every feature column mean the first row is data (the label column may hold words either way).
  if (header.every((h, j) => j === labelIndex || NUMBER.test(h))) {
    fail(
      headerRecord.line,
      "no header row (the first row's feature columns are numbers; add a row of column names)",
    );
  }
  const featureNames = header.filter((_, j) => j !== labelIndex);
  const body = records.slice(1);
  if (body.length === 0) throw new CsvDatasetError("no data rows after the header");

  const numFeatures = featureNames.length;
  const features = new Float32Array(body.length * numFeatures);
  const rawLabels: string[] = [];
  for (const [r, { line, fields }] of body.entries()) {
    if (fields.length !== header.length) fail(line, `${fields.length} fields, expected ${header.length}`);
    let k = 0;
    for (const [j, raw] of fields.entries()) {
      const value = raw.trim();
      if (j === labelIndex) {
        if (value === "") fail(line, `the label column '${header[j]}' is empty`);
        rawLabels.push(value);
        continue;
      }
      const x = Number(value);
      if (!NUMBER.test(value) || !Number.isFinite(x))
        fail(line, `column '${header[j]}' is '${value}', not a number`);
      features[r * numFeatures + k++] = x;
    }
  }

  const classNames = sortedClassNames(rawLabels);
  if (classNames.length < 2) {
    throw new CsvDatasetError(
      `the label column '${header[labelIndex]}' has ${classNames.length} class; need at least 2`,
    );
  }
  const classIndex = new Map(classNames.map((c, i) => [c, i]));
  const labels = Int32Array.from(rawLabels, (l) => classIndex.get(l) as number);
  return makeDataset({
    name: options.name,
    features,
    labels,
    numFeatures,
    numClasses: classNames.length,
    featureNames,
    classNames,
  });
}
