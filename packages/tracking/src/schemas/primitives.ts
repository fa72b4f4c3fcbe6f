/**
 * What real MLflow clients send: protobuf JSON writes int64 as strings ("1701000000000"), doubles
 * that are not finite as "NaN" / "Infinity" / "-Infinity", and GET query strings carry every value as
 * text (a repeated key as a list).
 */
import { z } from "zod";

/** MLflow's own limits on names and values. */
export const LIMITS = {
  keyLength: 250,
  paramValueLength: 6000,
  tagValueLength: 8000,
  experimentNameLength: 500,
  maxSearchResults: 50_000,
} as const;

export const zInt64 = z
  .union([z.number(), z.string().regex(/^-?\d+$/, "must be an integer")])
  .transform((v) => Number(v))
  .refine((v) => Number.isSafeInteger(v), "must be an integer within ±2^53");

const NON_FINITE: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, "-Infinity": -Infinity };

export const zMetricValue = z.union([z.number(), z.string()]).transform((v, ctx) => {
  if (typeof v === "number") return v;
  const special = NON_FINITE[v];
  if (special !== undefined) return special;
  const n = Number(v);
  if (v.trim() === "" || Number.isNaN(n)) {
    ctx.addIssue({ code: "custom", message: `"${v.slice(0, 40)}" is not a number` });
    return z.NEVER;
  }
  return n;
});

export const zBool = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

/** A field that may come as one value (a GET query with one occurrence) or a list. */
export function zList<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item));
}

export const zKey = z.string().min(1, "must not be empty").max(LIMITS.keyLength);
export const zMaxResults = (max: number) =>
  zInt64.refine((v) => v >= 1 && v <= max, `must be between 1 and ${max}`);

export const zKeyValue = (valueMax: number) =>
  z.object({ key: zKey, value: z.string().max(valueMax).default("") });
