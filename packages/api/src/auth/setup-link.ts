/**
 * The one-time setup link of a server opened to a network before anyone has an account. Its token is
 * derived from the auth secret, so every web process sharing the secret prints and accepts the same
 * link without a shared disk; it works only while no account exists, and the database lets one sign-up
 * at a time through it, across processes.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { claimFirstOwnerSetup, type Db, releaseFirstOwnerSetup } from "@actlab/db";

export const SETUP_HEADER = "x-actlab-setup";

export type SetupLink = {
  /** The token: the same in every process that has the same secret. */
  token(): string;
  matches(candidate: string): boolean;
  /** Takes the link for one sign-up; false while another sign-up (in any process) holds it. */
  claim(): Promise<boolean>;
  /** Lets the link go once that sign-up has ended, whatever its outcome. */
  release(): Promise<void>;
};

export function createSetupLink(db: Db, authSecret: string): SetupLink {
  // One-way: the printed link does not reveal the secret that signs sessions.
  const token = createHmac("sha256", authSecret).update("actlab first-owner setup link").digest("base64url");
  return {
    token: () => token,
    matches: (candidate) =>
      candidate.length === token.length && timingSafeEqual(Buffer.from(candidate), Buffer.from(token)),
    claim: () => claimFirstOwnerSetup(db),
    release: () => releaseFirstOwnerSetup(db),
  };
}
