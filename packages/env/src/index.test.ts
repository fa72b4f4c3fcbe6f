import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./index";

describe("parseEnv", () => {
  it("fills defaults so a bare start works", () => {
    const env = parseEnv({ REDIS_URL: "redis://127.0.0.1:6380" }, "/srv/actlab");
    expect(env.port).toBe(3000);
    expect(env.dataDir).toBe("/srv/actlab/data");
    expect(env.databaseFile).toBe("/srv/actlab/data/actlab.db");
    expect(env.workerConcurrency).toBeUndefined();
    expect(env.signup).toBe("open");
  });

  it("takes invite-only sign-up, and names the choices for anything else", () => {
    expect(parseEnv({ REDIS_URL: "redis://x:1", ACTLAB_SIGNUP: "invite" }).signup).toBe("invite");
    expect(() => parseEnv({ REDIS_URL: "redis://x:1", ACTLAB_SIGNUP: "closed" })).toThrow(
      /ACTLAB_SIGNUP is "closed": must be "open" or "invite"/,
    );
  });

  it("names the variable and an example when a value is wrong", () => {
    expect(() => parseEnv({ REDIS_URL: "localhost", PORT: "http" })).toThrow(EnvError);
    try {
      parseEnv({ REDIS_URL: "localhost", PORT: "http" });
    } catch (err) {
      const msg = (err as Error).message;
      expect(msg).toMatch(/REDIS_URL is "localhost".*example: REDIS_URL=redis:\/\//);
      expect(msg).toMatch(/PORT is "http".*example: PORT=3000/);
    }
  });

  it("rejects a non-SQLite database url", () => {
    expect(() => parseEnv({ REDIS_URL: "redis://x:1", DATABASE_URL: "postgres://db" })).toThrow(
      /DATABASE_URL/,
    );
  });
});
