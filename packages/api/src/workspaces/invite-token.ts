/** An invite link's token, and what the invitee is told when the link no longer works. */
import { z } from "zod";

export const ZInviteTokenInput = z.object({
  token: z.string().min(10, "this invite link is incomplete").max(200),
});

export const INVITE_PROBLEMS = {
  invalid: "this invite link is not valid (it may have been revoked)",
  expired: "this invite link has expired: ask for a new one",
  used: "this invite link has already been used: ask for a new one",
  withdrawn: "whoever made this invite link can no longer grant its role: ask for a new one",
} as const;
