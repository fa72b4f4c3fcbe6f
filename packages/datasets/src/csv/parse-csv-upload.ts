/**
 * An uploaded CSV, parsed as it streams in: optional gzip (recognised by its magic bytes), strict UTF-8,
 * csv-parse for the records, and the same table rules as a shipped file. Limits hold on the bytes as sent
 * and on the bytes after decompression, so a small gzip bomb stops at the limit instead of filling memory.
 * Each chunk is parsed in its own turn of the event loop: a large upload never stalls the web process.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import type { Dataset } from "@actlab/core";
import { type Info, parse } from "csv-parse";
import { CsvDatasetError, CsvTooLargeError } from "./csv-error";
import { CSV_MAX_LINE_BYTES, csvParseOptions, csvReadError, isBlankRecord } from "./csv-reader";
import { type CsvTableOptions, createCsvTable } from "./csv-table";

export type CsvUploadOptions = CsvTableOptions & {
  /** The most bytes the file may hold, sent and after decompression. */
  maxBytes: number;
  maxLineBytes?: number;
};

const megabytes = (n: number) => `${Math.round((n / 2 ** 20) * 10) / 10} MB`;

async function* within(
  source: AsyncIterable<Uint8Array>,
  max: number,
  what: string,
  counted: (bytes: number) => void = () => {},
) {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.byteLength;
    counted(total);
    if (total > max) throw new CsvTooLargeError(`${what} is larger than the limit of ${megabytes(max)}`);
    yield chunk;
  }
}

/** The first chunk seen, then the rest: enough to recognise gzip and UTF-16 before reading on. */
async function peek(source: AsyncIterable<Uint8Array>) {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? new Uint8Array(0) : first.value;
  async function* all() {
    if (!first.done) yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, all };
}

const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;
const isUtf16 = (b: Uint8Array) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

async function* utf8Text(source: AsyncIterable<Uint8Array>) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let lines = 1;
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new CsvDatasetError(
        "the file is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet)",
        lines,
      );
    }
  };
  for await (const chunk of source) {
    if (chunk.includes(0))
      throw new CsvDatasetError("the file holds binary data (a NUL byte), not CSV text", lines);
    const text = decode(chunk);
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
    if (text) yield text;
  }
  const rest = decode();
  if (rest) yield rest;
}

export type CsvUpload = { dataset: Dataset; labelColumn: string; bytesSent: number };

export async function parseCsvUpload(
  body: AsyncIterable<Uint8Array>,
  options: CsvUploadOptions,
): Promise<CsvUpload> {
  const maxLineBytes = options.maxLineBytes ?? CSV_MAX_LINE_BYTES;
  let bytesSent = 0;
  const sent = await peek(within(body, options.maxBytes, "the file", (n) => (bytesSent = n)));
  let bytes: AsyncIterable<Uint8Array> = sent.all();
  let head = sent.head;
  if (isGzip(head)) {
    const gunzip = Readable.from(bytes).pipe(createGunzip());
    const unpacked = await peek(within(gunzip, options.maxBytes, "decompressed, the file"));
    bytes = unpacked.all();
    head = unpacked.head;
  }
  if (isUtf16(head)) throw new CsvDatasetError("the file is UTF-16 text; save it as UTF-8");

  const table = createCsvTable(options);
  let header: string[] | undefined;
  // A refusal raised while reading: the pipeline then reports the aborted stream, not this cause.
  let refused: CsvDatasetError | undefined;
  try {
    await pipeline(Readable.from(utf8Text(bytes)), parse(csvParseOptions(maxLineBytes)), async (records) => {
      for await (const { info, record } of records as AsyncIterable<{ info: Info; record: string[] }>) {
        if (isBlankRecord(record)) continue;
        header ??= record.map((h) => h.trim());
        try {
          table.add(record, info.lines);
        } catch (error) {
          if (error instanceof CsvDatasetError) refused = error;
          throw error;
        }
      }
    });
  } catch (error) {
    if (refused) throw refused;
    if (error instanceof CsvDatasetError) throw error;
    const code = error instanceof Error && "code" in error ? error.code : undefined;
    if (code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR")
      throw new CsvDatasetError("the gzip data is damaged or cut short");
    throw csvReadError(error, header, maxLineBytes);
  }
  const dataset = table.finish();
  return { dataset, labelColumn: table.labelColumn() as string, bytesSent };
}
