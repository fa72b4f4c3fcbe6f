/**
 * pnpm replay --weights W.json --data D.json --steps K --lr LR --optimizer sgd|adam --act NAME --out OUT.json
 * Replays K float32 training steps of an MLP with the trainer's code (see replay/run.ts for the output).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { z } from "zod";
import { replay } from "./replay/run";
import { checkShapes, ZReplayData, ZReplayFlags, ZReplayWeights } from "./replay/schema";

function fail(message: string): never {
  console.error(`replay: ${message}`);
  process.exit(1);
}

function issue(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return "invalid";
  const path = first.path.length > 0 ? `${first.path.join(".")}: ` : "";
  return `${path}${first.message}`;
}

function readJson<T>(path: string, schema: z.ZodType<T>, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    fail(`cannot read ${what} file ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) fail(`${what} file ${path}: ${issue(parsed.error)}`);
  return parsed.data;
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: Object.fromEntries(
      ["weights", "data", "steps", "lr", "optimizer", "act", "out"].map((k) => [
        k,
        { type: "string" as const },
      ]),
    ),
  }));
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
const flags = ZReplayFlags.safeParse(values);
if (!flags.success) fail(`--${issue(flags.error)}`);
const { weights: weightsPath, data: dataPath, out, ...opts } = flags.data;
const weights = readJson(weightsPath, ZReplayWeights, "weights");
const data = readJson(dataPath, ZReplayData, "data");
const shapeError = checkShapes(weights, data, opts.act);
if (shapeError) fail(shapeError);
writeFileSync(out, JSON.stringify(replay(weights, data, opts)));
