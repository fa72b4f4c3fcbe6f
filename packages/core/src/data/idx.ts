/** IDX (the MNIST file format): big-endian header, then unsigned bytes. Only the ubyte type (0x08) is used by MNIST. */
import { makeDataset } from "./dataset";
import type { Dataset } from "./types";

export type IdxArray = { dims: number[]; data: Uint8Array };

const UBYTE = 0x08;

export function parseIdx(bytes: Uint8Array): IdxArray {
  if (bytes.length < 4)
    throw new Error(`IDX: ${bytes.length} bytes, too short for a header (gzipped? decompress first)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] !== 0 || bytes[1] !== 0) throw new Error("IDX: bad magic number (gzipped? decompress first)");
  if (bytes[2] !== UBYTE)
    throw new Error(`IDX: element type 0x${bytes[2]?.toString(16)} is not supported, only ubyte (0x08)`);
  const rank = bytes[3] as number;
  const headerBytes = 4 + 4 * rank;
  if (rank === 0 || bytes.length < headerBytes)
    throw new Error(`IDX: truncated header for ${rank} dimensions`);
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i, false));
  const count = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== headerBytes + count) {
    throw new Error(
      `IDX: ${bytes.length - headerBytes} data bytes, expected ${count} for dims ${dims.join("×")}`,
    );
  }
  return { dims, data: bytes.subarray(headerBytes) };
}

/** An IDX ubyte file of the given dims holding the parts one after another: what parseIdx reads back. */
export function encodeIdx(dims: readonly number[], ...parts: readonly Uint8Array[]): Uint8Array {
  const headerBytes = 4 + 4 * dims.length;
  const out = new Uint8Array(headerBytes + parts.reduce((n, part) => n + part.length, 0));
  out.set([0, 0, UBYTE, dims.length]);
  const view = new DataView(out.buffer);
  for (const [i, d] of dims.entries()) view.setUint32(4 + 4 * i, d, false);
  let at = headerBytes;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Images (n × h × w ubyte) and labels (n ubyte) as a Dataset with pixels scaled to [0, 1]. */
export function datasetFromIdx(
  images: Uint8Array,
  labels: Uint8Array,
  name: string,
  classNames?: string[],
): Dataset {
  const img = parseIdx(images);
  const lab = parseIdx(labels);
  const [rows = 0, ...pixelDims] = img.dims;
  if (lab.dims.length !== 1 || lab.dims[0] !== rows) {
    throw new Error(`${name}: ${lab.dims.join("×")} labels for ${rows} images`);
  }
  const numFeatures = pixelDims.reduce((a, b) => a * b, 1);
  const features = new Float32Array(img.data.length);
  for (let i = 0; i < img.data.length; i++) features[i] = (img.data[i] as number) / 255;
  const numClasses = classNames?.length ?? lab.data.reduce((m, y) => Math.max(m, y), 0) + 1;
  const width = pixelDims[pixelDims.length - 1] ?? 1;
  return makeDataset({
    name,
    features,
    labels: Int32Array.from(lab.data),
    numFeatures,
    numClasses,
    featureNames: Array.from({ length: numFeatures }, (_, i) => `px_${Math.floor(i / width)}_${i % width}`),
    classNames: classNames ?? Array.from({ length: numClasses }, (_, k) => String(k)),
  });
}
