import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveAuthSecret } from "./auth-secret";
import { parseEnv } from "./index";

describe("auth secret", () => {
  it("generates a secret once and reuses it from the data folder", () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "actlab-secret-")), "data");
    const first = resolveAuthSecret({ authSecret: undefined, dataDir });
    const second = resolveAuthSecret({ authSecret: undefined, dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    expect(fs.statSync(path.join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    fs.rmSync(path.dirname(dataDir), { recursive: true });
  });

  it("prefers a configured secret and rejects a short one with the variable's name", () => {
    const env = parseEnv({ REDIS_URL: "redis://x:1", ACTLAB_AUTH_SECRET: "s".repeat(40) });
    expect(resolveAuthSecret(env)).toBe("s".repeat(40));
    expect(() => parseEnv({ REDIS_URL: "redis://x:1", ACTLAB_AUTH_SECRET: "short" })).toThrow(
      /ACTLAB_AUTH_SECRET is 5 characters: must be at least 32 characters/,
    );
  });
});
