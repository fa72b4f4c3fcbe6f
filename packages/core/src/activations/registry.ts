/** Every activation's record, in the order the gallery and the forms list them: the one list to add a new one to. */
import { elu } from "./defs/elu";
import { gelu } from "./defs/gelu";
import { geluTanh } from "./defs/gelu-tanh";
import { hardSigmoid } from "./defs/hard-sigmoid";
import { hardSwish } from "./defs/hard-swish";
import { leakyRelu } from "./defs/leaky-relu";
import { linear } from "./defs/linear";
import { mish } from "./defs/mish";
import { defineMix } from "./defs/mix";
import { prelu } from "./defs/prelu";
import { relu } from "./defs/relu";
import { selu } from "./defs/selu";
import { sigmoid } from "./defs/sigmoid";
import { softmax } from "./defs/softmax";
import { softplus } from "./defs/softplus";
import { step } from "./defs/step";
import { swish } from "./defs/swish";
import { tanh } from "./defs/tanh";
import type { ActivationRecord } from "./record";

const ELEMENTWISE = [
  step,
  linear,
  sigmoid,
  tanh,
  relu,
  leakyRelu,
  prelu,
  swish,
  elu,
  selu,
  gelu,
  geluTanh,
  mish,
  softplus,
  hardSigmoid,
  hardSwish,
] as const;

/** The records that are one elementwise curve (no mix, no softmax): what a learned mix may combine. */
export type ElementwiseRecord = (typeof ELEMENTWISE)[number];
type Mixable = Extract<ElementwiseRecord, { use: "mixable" }>;

function mixBase(name: Mixable["name"]): Mixable {
  const record = ELEMENTWISE.find((r): r is Mixable => r.name === name && r.use === "mixable");
  if (!record) throw new RangeError(`${name} cannot be a base of a learned mix`);
  return record;
}

export const ACTIVATION_RECORDS = [...ELEMENTWISE, defineMix(mixBase), softmax] as const;

type AnyRecord = (typeof ACTIVATION_RECORDS)[number];

/** The record of one activation; looked up once per layer or plot, never per element. */
export function activationRecord<Name extends AnyRecord["name"]>(
  name: Name,
): Extract<AnyRecord, { name: Name }> {
  const record = ACTIVATION_RECORDS.find((r): r is Extract<AnyRecord, { name: Name }> => r.name === name);
  if (!record) throw new RangeError(`unknown activation ${name}`);
  return record;
}

/** Kept for the type checker: every entry is an ActivationRecord. */
ACTIVATION_RECORDS satisfies readonly ActivationRecord[];
