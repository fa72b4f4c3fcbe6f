/** The session-signing secret: from the environment, or generated once and kept in the data folder. */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const FILE = "auth-secret";

/**
 * A configured secret wins. Otherwise the first start writes 32 random bytes to `<dataDir>/auth-secret`
 * (mode 0600) and later starts reuse them, so sessions survive restarts with no configuration.
 * `wx` makes two processes starting at once agree on one file.
 */
export function resolveAuthSecret(env: { authSecret: string | undefined; dataDir: string }): string {
  if (env.authSecret) return env.authSecret;
  const file = path.join(env.dataDir, FILE);
  // Private: the folder holds the SQLite file and this secret.
  fs.mkdirSync(env.dataDir, { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters: delete it`);
  return secret;
}
