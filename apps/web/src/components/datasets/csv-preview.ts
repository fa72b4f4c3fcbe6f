/**
 * The upload form's look at a file before it is sent: its header and first rows, parsed by csv-parse's
 * browser build and checked by the same table rules as the server, so most refusals show before upload.
 */
import {
  CSV_MIN_ROWS,
  CsvDatasetError,
  createCsvTable,
  csvParseOptions,
  csvReadError,
  isBlankRecord,
} from "@actlab/datasets/csv-table";
import { parse } from "csv-parse/browser/esm/sync";

/** Enough of a file to show and check its start: a large upload is read only this far in the browser. */
export const PREVIEW_BYTES = 256 * 1024;
const SHOWN_ROWS = 8;

export type CsvPreview = { header: string[]; rows: string[][]; problem: string | null };

/** `text` is the file's start; `whole` says whether it is the entire file (then row and class counts are checked too). */
export function previewCsv(text: string, whole: boolean, labelColumn?: string): CsvPreview {
  // A cut-off start ends inside a line: drop it rather than report it as malformed.
  const usable = whole ? text : text.slice(0, text.lastIndexOf("\n") + 1);
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(usable, csvParseOptions()) as unknown as typeof records;
  } catch (error) {
    return { header: [], rows: [], problem: csvReadError(error).message };
  }
  const header = records[0]?.record.map((h) => h.trim()) ?? [];
  const rows = records.slice(1, 1 + SHOWN_ROWS).map((r) => r.record);
  const table = createCsvTable({ name: "preview", labelColumn, minRows: whole ? CSV_MIN_ROWS : 1 });
  try {
    for (const { info, record } of records) {
      if (isBlankRecord(record)) continue;
      table.add(record, info.lines);
    }
    if (whole) table.finish();
    return { header, rows, problem: null };
  } catch (error) {
    if (!(error instanceof CsvDatasetError)) throw error;
    return { header, rows, problem: error.message };
  }
}

const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;

/** The first PREVIEW_BYTES of a file as text, gzip undone in the browser; `whole` when that is all of it. */
export async function readFileStart(file: Blob): Promise<{ text: string; whole: boolean }> {
  const magic = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  const stream = isGzip(magic) ? file.stream().pipeThrough(new DecompressionStream("gzip")) : file.stream();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let whole = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= PREVIEW_BYTES) {
      whole = false;
      await reader.cancel();
      break;
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { text: new TextDecoder().decode(bytes.subarray(0, PREVIEW_BYTES)), whole };
}
