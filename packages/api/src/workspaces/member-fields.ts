/** What workspaces.setRole and workspaces.removeMember share: the member id and the last-owner refusal. */
import { LastOwnerError } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

export const ZMemberId = z.string().min(1, "which member?").max(64);

/** The last owner cannot be demoted or removed: a workspace nobody can manage is lost. */
export function lastOwnerAsBadRequest(err: unknown): never {
  if (err instanceof LastOwnerError) throw new TRPCError({ code: "BAD_REQUEST", message: err.message });
  throw err;
}
