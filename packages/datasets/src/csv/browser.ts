/** The CSV rules without Node: what the upload form checks in the browser before it sends a file. */
export { CsvDatasetError } from "./csv-error";
export { csvParseOptions, csvReadError, isBlankRecord } from "./csv-reader";
export { CSV_MIN_ROWS, createCsvTable } from "./csv-table";
