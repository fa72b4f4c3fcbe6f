/**
 * Writes one activity-feed line for a mutation that already succeeded. A feed write that fails is
 * logged and swallowed: the launch, cancel or comment the user asked for has happened and must not
 * be reported as failed because its feed line was lost.
 */
import { type ActivityInput, recordActivity } from "@actlab/db";
import type { ApiDeps } from "../context";

export async function recordActivitySafely(ctx: Pick<ApiDeps, "db">, input: ActivityInput): Promise<void> {
  try {
    await recordActivity(ctx.db, input);
  } catch (err) {
    console.error(`activity feed: could not record '${input.verb}': ${(err as Error).message}`);
  }
}
