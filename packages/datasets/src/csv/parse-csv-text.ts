/** A whole CSV already in memory (the shipped tables) → a Dataset, by the same rules as an upload. */
import type { Dataset } from "@actlab/core";
import type { Info } from "csv-parse";
import { parse } from "csv-parse/sync";
import { csvParseOptions, csvReadError, isBlankRecord } from "./csv-reader";
import { type CsvTableOptions, createCsvTable } from "./csv-table";

export function parseCsvText(text: string, options: CsvTableOptions): Dataset {
  const table = createCsvTable(options);
  let records: { info: Info; record: string[] }[];
  try {
    records = parse(text, csvParseOptions()) as unknown as { info: Info; record: string[] }[];
  } catch (error) {
    throw csvReadError(error);
  }
  for (const { info, record } of records) if (!isBlankRecord(record)) table.add(record, info.lines);
  return table.finish();
}
