/**
 * A dataset built record by record from a CSV: a header row, numeric feature columns and one label column
 * (words or integers). The same rules serve a shipped table parsed whole and an upload parsed as it streams.
 * Pure (no Node APIs), so the upload form can check a file's first rows in the browser with the same words.
 */
import { type Dataset, makeDataset } from "@actlab/core";
import { CsvDatasetError } from "./csv-error";

export type CsvTableOptions = {
  name: string;
  /** Header name or 0-based column index; default: the last column. */
  labelColumn?: string | number;
  /** Fewer data rows are refused: train, validation and test each need some. */
  minRows?: number;
};

export const CSV_MIN_ROWS = 10;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Delimiters people export by mistake; a header that is one field holding one of them was split wrongly. */
const OTHER_DELIMITERS = [";", "\t", "|"] as const;

function findLabelColumn(header: string[], labelColumn: string | number | undefined): number {
  if (labelColumn === undefined) return header.length - 1;
  if (typeof labelColumn === "number") {
    if (Number.isInteger(labelColumn) && labelColumn >= 0 && labelColumn < header.length) return labelColumn;
    throw new CsvDatasetError(
      `label column ${labelColumn} is out of range (the header has ${header.length} columns)`,
      1,
    );
  }
  const index = header.indexOf(labelColumn);
  if (index < 0)
    throw new CsvDatasetError(`no column '${labelColumn}' in the header (columns: ${header.join(", ")})`, 1);
  return index;
}

/** Distinct labels in sorted order: numerically if every label is a number, else as strings. */
function sortedClassNames(labels: Iterable<string>): string[] {
  const distinct = [...new Set(labels)];
  if (distinct.every((l) => NUMBER.test(l))) return distinct.sort((a, b) => Number(a) - Number(b));
  return distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A header that is one field holding another delimiter was split wrongly: say so before anything else. */
function checkDelimiter(header: string[], line: number) {
  if (header.length > 1) return;
  const other = OTHER_DELIMITERS.find((d) => header[0]?.includes(d));
  if (!other) return;
  const shown = other === "\t" ? "tabs" : `'${other}'`;
  throw new CsvDatasetError(
    `the header is one column; the file seems to be separated by ${shown} — save it comma-separated`,
    line,
  );
}

function checkHeader(header: string[], line: number, labelIndex: number) {
  if (header.length < 2) throw new CsvDatasetError("need at least 2 columns: features and a label", line);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new CsvDatasetError(`the header names column '${name}' twice`, line);
    seen.add(name);
  }
  // Numbers in every feature column mean the first row is data (the label column may hold words either way).
  if (header.every((h, j) => j === labelIndex || NUMBER.test(h))) {
    throw new CsvDatasetError(
      "no header row (the first row's feature columns are numbers; add a row of column names)",
      line,
    );
  }
}

/** Row-major feature values that grow as rows arrive, doubling, so an upload of unknown length copies little. */
function growableFloats() {
  let buffer = new Float32Array(1024);
  let length = 0;
  return {
    push(x: number) {
      if (length === buffer.length) {
        const next = new Float32Array(buffer.length * 2);
        next.set(buffer);
        buffer = next;
      }
      buffer[length++] = x;
    },
    take: () => buffer.slice(0, length),
  };
}

export type CsvTable = {
  /** One record (its fields as read) and the 1-based line it is on. */
  add(fields: string[], line: number): void;
  rows(): number;
  /** The label column's header name (known once the header is read). */
  labelColumn(): string | null;
  finish(): Dataset;
};

export function createCsvTable(options: CsvTableOptions): CsvTable {
  const minRows = options.minRows ?? CSV_MIN_ROWS;
  let header: string[] | null = null;
  let labelIndex = -1;
  const features = growableFloats();
  const labels: string[] = [];

  function addRow(head: string[], fields: string[], line: number) {
    if (fields.length !== head.length)
      throw new CsvDatasetError(`${fields.length} fields, expected ${head.length}`, line);
    for (const [j, raw] of fields.entries()) {
      const value = raw.trim();
      const column = head[j] as string;
      if (j === labelIndex) {
        if (value === "") throw new CsvDatasetError(`the label column '${column}' is empty`, line, column);
        labels.push(value);
        continue;
      }
      const x = Number(value);
      if (!NUMBER.test(value) || !Number.isFinite(x))
        throw new CsvDatasetError(
          `column '${column}' is '${value.slice(0, 40)}', not a number`,
          line,
          column,
        );
      features.push(x);
    }
  }

  return {
    add(fields, line) {
      if (header) return addRow(header, fields, line);
      const names = fields.map((h) => h.trim());
      checkDelimiter(names, line);
      labelIndex = findLabelColumn(names, options.labelColumn);
      checkHeader(names, line, labelIndex);
      header = names;
    },
    rows: () => labels.length,
    labelColumn: () => (header ? (header[labelIndex] as string) : null),
    finish() {
      if (!header) throw new CsvDatasetError("the file is empty");
      const labelName = header[labelIndex] as string;
      if (labels.length === 0) throw new CsvDatasetError("no data rows after the header");
      if (labels.length < minRows) {
        throw new CsvDatasetError(
          `${labels.length} data row${labels.length === 1 ? "" : "s"}; a dataset needs at least ${minRows} (training, validation and test each take some)`,
        );
      }
      const classNames = sortedClassNames(labels);
      if (classNames.length < 2) {
        throw new CsvDatasetError(
          `the label column '${labelName}' has ${classNames.length} class; need at least 2`,
        );
      }
      const classIndex = new Map(classNames.map((c, i) => [c, i]));
      const featureNames = header.filter((_, j) => j !== labelIndex);
      return makeDataset({
        name: options.name,
        features: features.take(),
        labels: Int32Array.from(labels, (l) => classIndex.get(l) as number),
        numFeatures: featureNames.length,
        numClasses: classNames.length,
        featureNames,
        classNames,
      });
    },
  };
}
