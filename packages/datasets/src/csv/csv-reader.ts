/** How csv-parse reads our files, and its errors in the words of the upload form. */
import type { CsvError, Options } from "csv-parse";
import { CsvDatasetError } from "./csv-error";

/** A record longer than this is refused: no real table has a 1 MiB row, and it bounds the parser's memory. */
export const CSV_MAX_LINE_BYTES = 1 << 20;

export function csvParseOptions(maxLineBytes = CSV_MAX_LINE_BYTES): Options {
  return {
    bom: true,
    skip_empty_lines: true,
    // Rows of the wrong width are reported by the table, with the widths, not by the parser.
    relax_column_count: true,
    info: true,
    max_record_size: maxLineBytes,
  };
}

/** A whitespace-only line is not a record (spreadsheets export them at the end). */
export const isBlankRecord = (fields: string[]) => fields.length === 1 && fields[0]?.trim() === "";

const column = (e: CsvError, header?: string[]) =>
  typeof e.column === "number" ? (header?.[e.column] ?? `column ${e.column + 1}`) : undefined;

export function csvReadError(error: unknown, header?: string[], maxLineBytes = CSV_MAX_LINE_BYTES): Error {
  if (!(error instanceof Error) || !("code" in error)) return error as Error;
  const e = error as CsvError;
  const line = typeof e.lines === "number" ? e.lines : undefined;
  const col = column(e, header);
  switch (e.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new CsvDatasetError("a quoted field is never closed before the end of the file", line);
    case "INVALID_OPENING_QUOTE":
      return new CsvDatasetError(`a quote in the middle of the unquoted field '${col}'`, line, col);
    case "CSV_INVALID_CLOSING_QUOTE":
      return new CsvDatasetError(`text after a closing quote in '${col}'`, line, col);
    case "CSV_MAX_RECORD_SIZE":
      return new CsvDatasetError(`the line is longer than ${maxLineBytes} bytes`, line);
    default:
      return new CsvDatasetError(e.message, line);
  }
}
