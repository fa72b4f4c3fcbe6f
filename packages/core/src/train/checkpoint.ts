/**
 * The checkpoint byte format: magic, format version, a JSON header (position, counters, RNG and
 * early-stopping state, summary) and the raw arrays (parameters, optimiser state, epoch order).
 */
import { z } from "zod";

export const CHECKPOINT_VERSION = 1;
const MAGIC = "ACTLCKPT";

export type TrainingSnapshot = {
  /** Identifies the run shape (layer sizes, optimiser, dataset hash); resuming elsewhere is refused. */
  fingerprint: string;
  step: number;
  epoch: number;
  stepInEpoch: number;
  /** The epoch whose order `perm` holds (−1 before the first shuffle). */
  permEpoch: number;
  /** Running sums over the current epoch, so train/loss and train/acc survive a mid-epoch resume. */
  lossSum: number;
  correct: number;
  seen: number;
  lr: number;
  optimizerSteps: number;
  rng: number[];
  early: { best: number; bestEpoch: number; badEpochs: number };
  summary: Record<string, number>;
  params: Float32Array;
  optimizerState: Float32Array[];
  perm: Int32Array;
};

// JSON has no NaN or ±Infinity (a fresh early-stopping state holds NaN): those travel as strings.
const ZNumber = z.union([z.number(), z.enum(["NaN", "Infinity", "-Infinity"]).transform(Number)]);

const ZHeader = z.object({
  version: z.literal(CHECKPOINT_VERSION),
  fingerprint: z.string(),
  step: z.int(),
  epoch: z.int(),
  stepInEpoch: z.int(),
  permEpoch: z.int(),
  lossSum: ZNumber,
  correct: z.int(),
  seen: z.int(),
  lr: ZNumber,
  optimizerSteps: z.int(),
  rng: z.array(z.int()).length(4),
  early: z.object({ best: ZNumber, bestEpoch: z.int(), badEpochs: z.int() }),
  summary: z.record(z.string(), ZNumber),
  lengths: z.object({ params: z.int(), optimizerState: z.array(z.int()), perm: z.int() }),
});

const encodeNonFinite = (_key: string, v: unknown): unknown =>
  typeof v === "number" && !Number.isFinite(v) ? String(v) : v;

export function encodeCheckpoint(s: TrainingSnapshot): Uint8Array {
  const { params, optimizerState, perm, ...scalars } = s;
  const header = new TextEncoder().encode(
    JSON.stringify(
      {
        version: CHECKPOINT_VERSION,
        ...scalars,
        lengths: {
          params: params.length,
          optimizerState: optimizerState.map((a) => a.length),
          perm: perm.length,
        },
      },
      encodeNonFinite,
    ),
  );
  // Arrays start on a 4-byte boundary so readers (typed-array views, numpy) can map them directly.
  const headerEnd = Math.ceil((12 + header.length) / 4) * 4;
  const arrays = [params, ...optimizerState, perm];
  const total = headerEnd + arrays.reduce((n, a) => n + a.byteLength, 0);
  const bytes = new Uint8Array(total);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(8, header.length, true);
  bytes.set(header, 12);
  let offset = headerEnd;
  for (const a of arrays) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offset);
    offset += a.byteLength;
  }
  return bytes;
}

export function decodeCheckpoint(bytes: Uint8Array): TrainingSnapshot {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) {
    throw new Error("not an Actlab checkpoint");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  const raw: unknown = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength)));
  const parsed = ZHeader.safeParse(raw);
  if (!parsed.success)
    throw new Error(`checkpoint header is invalid: ${parsed.error.issues[0]?.message ?? ""}`);
  const { lengths, version: _version, ...scalars } = parsed.data;
  let offset = Math.ceil((12 + headerLength) / 4) * 4;
  // Copies, not views: the caller's buffer may be reused or unaligned.
  const floats = (n: number): Float32Array => {
    const a = new Float32Array(n);
    new Uint8Array(a.buffer).set(bytes.subarray(offset, offset + 4 * n));
    offset += 4 * n;
    return a;
  };
  const params = floats(lengths.params);
  const optimizerState = lengths.optimizerState.map(floats);
  const perm = new Int32Array(floats(lengths.perm).buffer);
  if (offset > bytes.length) throw new Error("checkpoint is truncated");
  return { ...scalars, params, optimizerState, perm };
}
