import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../../../..");
const scan = (tree: string) =>
  spawnSync("bash", [path.join(repoRoot, "scripts/scan-secrets.sh"), tree], { encoding: "utf8" });

let tree = "";
function repoWith(files: Record<string, string>): string {
  tree = fs.mkdtempSync(path.join(os.tmpdir(), "actlab-scan-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(tree, name)), { recursive: true });
    fs.writeFileSync(path.join(tree, name), text);
  }
  execFileSync("git", ["init", "-q"], { cwd: tree });
  execFileSync("git", ["add", "."], { cwd: tree });
  return tree;
}
afterEach(() => fs.rmSync(tree, { recursive: true, force: true }));

// Built at run time so this file itself holds no key for the scan to find.
const privateKey = [
  `-----BEGIN ${"RSA PRIVATE"} KEY-----`,
  "MIIEpAIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aumyXY7j2Nfvy5bQ2ckUQeXlUf",
  "l2G2fQ0NjYkfgx4yM7bTR8m6fYcT1VOS1mHCcAyp",
  `-----END ${"RSA PRIVATE"} KEY-----`,
].join("\n");

describe("secret scan", () => {
  it("passes on this repository as committed", () => {
    const result = scan(repoRoot);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  }, 60_000);

  it("fails on a planted private key", () => {
    const result = scan(repoWith({ "src/ok.ts": "export const a = 1;\n", "deploy/key.pem": privateKey }));
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/key\.pem[\s\S]*private key/i);
  }, 60_000);

  it("fails on a committed session secret file whatever it holds", () => {
    const result = scan(repoWith({ "apps/web/data/auth-secret": "x5T2yLPzq0c9Vb1QnKk8h3JrW4sE6dFgH7uIoA" }));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/apps\/web\/data\/auth-secret/);
  }, 60_000);
});
