/** What every MLflow handler receives: the database, Redis for live events, who is calling, the parsed input. */
import type { Db } from "@actlab/db";
import type { Redis } from "ioredis";
import type { z } from "zod";
import type { Caller } from "./access";
import type { ArtifactStore } from "./artifacts/artifact-store";
import { invalid } from "./errors";

export type TrackingDeps = { db: Db; redis: Redis; artifacts: ArtifactStore; maxArtifactBytes: number };

export type Call = { deps: TrackingDeps; caller: Caller; input: unknown; bodyBytes: number };

export type Handler = (call: Call) => Promise<object>;

/** Parses with MLflow's wording: "Invalid value … for parameter 'x' supplied: …". */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue?.path.join(".") || "body";
  if (issue?.message.startsWith("Missing value")) throw invalid(issue.message);
  if (issue?.code === "invalid_type" && issue.message.includes("undefined"))
    throw invalid(`Missing value for required parameter '${path}'.`);
  throw invalid(`Invalid value for parameter '${path}' supplied: ${issue?.message ?? "invalid"}`);
}
