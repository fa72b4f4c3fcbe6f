/**
 * The one-time setup link of a server opened to a network before anyone has an account: its token is
 * kept (0600) in the data folder, printed once at start, and only a sign-up carrying it may create the
 * first owner. Using it renames the file away, which only one of two racing sign-ups can do.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const SETUP_HEADER = "x-actlab-setup";

export type SetupLink = {
  /** The token, created on first call and the same for every process sharing the data folder. */
  token(): string;
  /** Takes the token for one sign-up; false when it is wrong or another sign-up holds it. */
  claim(candidate: string): boolean;
  /** Gives a claimed token back (the sign-up it was claimed for failed). */
  release(): void;
  /** Forgets the token for good once the owner exists. */
  spend(): void;
};

export function createSetupLink(dataDir: string): SetupLink {
  const file = path.join(dataDir, "setup-token");
  const claimed = `${file}.claimed`;
  const read = (f: string) => {
    try {
      return fs.readFileSync(f, "utf8").trim();
    } catch {
      return null;
    }
  };
  const same = (a: string, b: string) =>
    a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  return {
    token() {
      fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      try {
        fs.writeFileSync(file, randomBytes(24).toString("base64url"), { flag: "wx", mode: 0o600 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      return read(file) ?? "";
    },
    claim(candidate) {
      const current = read(file);
      if (!current || !same(current, candidate)) return false;
      try {
        fs.renameSync(file, claimed); // atomic: the second of two racing sign-ups finds no file
        return true;
      } catch {
        return false;
      }
    },
    release() {
      if (fs.existsSync(claimed)) fs.renameSync(claimed, file);
    },
    spend() {
      fs.rmSync(claimed, { force: true });
      fs.rmSync(file, { force: true });
    },
  };
}
