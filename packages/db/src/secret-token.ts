/** Random bearer secrets (API tokens, invite links): only their sha-256 is stored, so a leaked table grants nothing. */
import { createHash, randomBytes } from "node:crypto";

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** 32 random bytes, URL-safe, with a readable prefix ("actlab_…") so a leaked token is recognisable. */
export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}
