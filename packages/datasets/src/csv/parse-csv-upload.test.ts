import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CsvDatasetError } from "./csv-error";
import { parseCsvText } from "./parse-csv-text";
import { parseCsvUpload } from "./parse-csv-upload";

const MB = 2 ** 20;
const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => `${i * 0.5},${(i * 7) % 3},${i % 2 ? "cat" : "dog"}\n`).join("");
const GOOD = `x,y,label\n${rows(40)}`;

/** Bytes as a client streams them: in pieces of `size`, which cut lines and UTF-8 characters anywhere. */
async function* chunks(bytes: Uint8Array, size = 7) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
/** `chunkBytes`: 7 by default, so every boundary case comes up; a network's chunk size for large files. */
type UploadOptions = { labelColumn?: string; maxBytes?: number; chunkBytes?: number };
const upload = async (bytes: Uint8Array | string, options: UploadOptions = {}) =>
  (await uploadWhole(bytes, options)).dataset;
const uploadWhole = (bytes: Uint8Array | string, options: UploadOptions = {}) =>
  parseCsvUpload(
    chunks(typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes, options.chunkBytes),
    {
      name: "u",
      maxBytes: options.maxBytes ?? MB,
      labelColumn: options.labelColumn,
    },
  );
async function refusal(promise: Promise<unknown>): Promise<string> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CsvDatasetError);
  return (e as Error).message;
}

describe("parseCsvUpload", () => {
  it("reads a streamed file as parseCsvText reads it whole, plain or gzipped", async () => {
    const whole = parseCsvText(GOOD, { name: "u" });
    const plain = await upload(GOOD);
    const gzipped = await upload(gzipSync(GOOD));
    expect(plain.rows).toBe(40);
    expect((await uploadWhole(GOOD)).labelColumn).toBe("label");
    expect(plain.classNames).toEqual(["cat", "dog"]);
    expect(plain.hash).toBe(whole.hash);
    expect(gzipped.hash).toBe(whole.hash);
  });

  it("keeps a multi-byte character cut between two chunks", async () => {
    const ds = await upload(`größe,y\n${Array.from({ length: 12 }, (_, i) => `${i},é${i % 2}\n`).join("")}`);
    expect(ds.featureNames).toEqual(["größe"]);
    expect(ds.classNames).toEqual(["é0", "é1"]);
  });

  it("takes the label column chosen at upload", async () => {
    const numeric = GOOD.replaceAll("cat", "4").replaceAll("dog", "5");
    const { dataset: ds, labelColumn, bytesSent } = await uploadWhole(numeric, { labelColumn: "y" });
    expect(labelColumn).toBe("y");
    expect(bytesSent).toBe(new TextEncoder().encode(numeric).length);
    expect(ds.featureNames).toEqual(["x", "label"]);
    expect(ds.classNames).toEqual(["0", "1", "2"]);
  });

  it("refuses a semicolon-separated file and says so", async () => {
    expect(await refusal(upload(GOOD.replaceAll(",", ";")))).toMatch(/^line 1: .*separated by ';'/);
  });

  it("refuses a non-numeric cell, naming its line and column", async () => {
    const bad = GOOD.replace("\n3.5,", "\nabc,");
    expect(await refusal(upload(bad))).toBe("line 9: column 'x' is 'abc', not a number");
  });

  it("refuses a label column that is not in the header", async () => {
    expect(await refusal(upload(GOOD, { labelColumn: "species" }))).toBe(
      "line 1: no column 'species' in the header (columns: x, y, label)",
    );
  });

  it("refuses a file with one data row", async () => {
    expect(await refusal(upload("x,y,label\n1,2,cat\n"))).toMatch(/^1 data row; a dataset needs at least 10/);
  });

  it("refuses a huge line before holding it in memory", async () => {
    const huge = `x,label\n${"1".repeat(2 * MB)},cat\n`;
    expect(await refusal(upload(huge, { maxBytes: 4 * MB, chunkBytes: 65_536 }))).toBe(
      `line 2: the line is longer than ${MB} bytes`,
    );
  });

  it("stops a gzip bomb at the limit on the decompressed size", async () => {
    const bomb = gzipSync(`x,label\n${"1,cat\n".repeat(2 * MB)}`); // 12 MB of text in ~12 kB
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await refusal(upload(bomb, { maxBytes: MB }))).toBe(
      "decompressed, the file is larger than the limit of 1 MB",
    );
  });

  it("refuses a file over the limit as sent", async () => {
    const big = `x,label\n${"1,cat\n".repeat(400_000)}`;
    expect(await refusal(upload(big, { maxBytes: MB, chunkBytes: 65_536 }))).toBe(
      "the file is larger than the limit of 1 MB",
    );
  });

  it("refuses text that is not UTF-8: Latin-1 and UTF-16", async () => {
    const latin1 = Uint8Array.from(`x,label\n1,caf\xe9\n`, (c) => c.charCodeAt(0));
    expect(await refusal(upload(latin1))).toMatch(/^line \d: the file is not UTF-8 text/);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from("x,label\n", "utf16le"))]);
    expect(await refusal(upload(utf16))).toBe("the file is UTF-16 text; save it as UTF-8");
  });

  it("refuses damaged gzip data and binary files", async () => {
    const gz = gzipSync(GOOD);
    expect(await refusal(upload(gz.subarray(0, gz.length - 30)))).toBe(
      "the gzip data is damaged or cut short",
    );
    expect(await refusal(upload(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1])))).toMatch(/binary data/);
  });
});
