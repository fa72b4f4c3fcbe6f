import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, repositoryRoot } from "./index";

describe("parseEnv", () => {
  it("fills defaults so a bare start works", () => {
    const env = parseEnv({ REDIS_URL: "redis://127.0.0.1:6380" }, "/srv/actlab");
    expect(env.port).toBe(3000);
    expect(env.dataDir).toBe("/srv/actlab/data");
    expect(env.databaseFile).toBe("/srv/actlab/data/actlab.db");
    expect(env.workerSlots).toBeUndefined();
    expect(env.signup).toBe("open");
  });

  it("keeps a PostgreSQL URL as it is and refuses other schemes", () => {
    const url = "postgresql://actlab@127.0.0.1:5432/actlab";
    expect(parseEnv({ REDIS_URL: "redis://x:1", DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(() => parseEnv({ REDIS_URL: "redis://x:1", DATABASE_URL: "mysql://x/y" })).toThrow(/DATABASE_URL/);
  });

  it("keeps artifacts where the data lives: the folder on SQLite, the database on PostgreSQL, or as told", () => {
    const pg = { REDIS_URL: "redis://x:1", DATABASE_URL: "postgresql://actlab@db:5432/actlab" };
    expect(parseEnv({ REDIS_URL: "redis://x:1" }).artifactStore).toBe("folder");
    expect(parseEnv(pg).artifactStore).toBe("database");
    expect(parseEnv({ ...pg, ACTLAB_ARTIFACT_STORE: "folder" }).artifactStore).toBe("folder");
    expect(() => parseEnv({ ...pg, ACTLAB_ARTIFACT_STORE: "s3" })).toThrow(
      /ACTLAB_ARTIFACT_STORE is "s3": must be "folder" or "database"/,
    );
  });

  it("trusts no proxy by default, and takes a list of addresses and ranges", () => {
    expect(parseEnv({ REDIS_URL: "redis://x:1" }).trustedProxies).toEqual([]);
    const env = parseEnv({
      REDIS_URL: "redis://x:1",
      ACTLAB_TRUSTED_PROXIES: " 10.0.0.1, 192.168.0.0/16,::1",
    });
    expect(env.trustedProxies).toEqual(["10.0.0.1", "192.168.0.0/16", "::1"]);
    expect(() =>
      parseEnv({ REDIS_URL: "redis://x:1", ACTLAB_TRUSTED_PROXIES: "10.0.0.1,proxy.lan" }),
    ).toThrow(/ACTLAB_TRUSTED_PROXIES is "10.0.0.1,proxy.lan": must list IP addresses or CIDR ranges/);
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

  it("takes a worker's slots, and refuses the variable's old name with the new one", () => {
    expect(parseEnv({ REDIS_URL: "redis://x:1", ACTLAB_WORKER_SLOTS: "3" }).workerSlots).toBe(3);
    expect(() => parseEnv({ REDIS_URL: "redis://x:1", WORKER_CONCURRENCY: "3" })).toThrow(
      /WORKER_CONCURRENCY is "3": was renamed: set ACTLAB_WORKER_SLOTS instead/,
    );
  });

  it("lets a training use every core unless told, and explains a bad thread count", () => {
    expect(parseEnv({ REDIS_URL: "redis://x:1" }).trainingThreads).toBeUndefined();
    expect(parseEnv({ REDIS_URL: "redis://x:1", ACTLAB_TRAINING_THREADS: "1" }).trainingThreads).toBe(1);
    expect(() => parseEnv({ REDIS_URL: "redis://x:1", ACTLAB_TRAINING_THREADS: "0" })).toThrow(
      /ACTLAB_TRAINING_THREADS is "0": must be at least 1 \(thread\) \(example: ACTLAB_TRAINING_THREADS=2\)/,
    );
    expect(() => parseEnv({ REDIS_URL: "redis://x:1", ACTLAB_TRAINING_THREADS: "two" })).toThrow(
      /ACTLAB_TRAINING_THREADS is "two": must be a whole number of threads/,
    );
  });

  it("limits each training process to 4096 MB unless told, and explains a bad limit", () => {
    expect(parseEnv({ REDIS_URL: "redis://x:1" }).trainingMemoryMb).toBe(4096);
    expect(parseEnv({ REDIS_URL: "redis://x:1", ACTLAB_TRAINING_MEMORY_MB: "512" }).trainingMemoryMb).toBe(
      512,
    );
    expect(() => parseEnv({ REDIS_URL: "redis://x:1", ACTLAB_TRAINING_MEMORY_MB: "2g" })).toThrow(
      /ACTLAB_TRAINING_MEMORY_MB is "2g": must be a whole number of megabytes \(example: ACTLAB_TRAINING_MEMORY_MB=4096\)/,
    );
    expect(() => parseEnv({ REDIS_URL: "redis://x:1", ACTLAB_TRAINING_MEMORY_MB: "16" })).toThrow(
      /ACTLAB_TRAINING_MEMORY_MB is "16": must be at least 64/,
    );
  });
});

describe("where the data lives and who may run without a secret", () => {
  it("resolves the default data folder from the repository root, not the current directory", () => {
    const root = repositoryRoot(import.meta.dirname);
    const fromWeb = parseEnv({ REDIS_URL: "redis://x:1" }, path.join(root, "apps/web"));
    expect(fromWeb.dataDir).toBe(path.join(root, "data"));
    expect(fromWeb.databaseUrl).toBe(`file:${path.join(root, "data/actlab.db")}`);
  });

  it("refuses a production start with neither a secret nor a data folder named", () => {
    expect(() => parseEnv({ REDIS_URL: "redis://x:1", NODE_ENV: "production" })).toThrow(
      /ACTLAB_AUTH_SECRET is missing: in production set it/,
    );
    expect(
      parseEnv({ REDIS_URL: "redis://x:1", NODE_ENV: "production", ACTLAB_DATA_DIR: "/srv/data" }).dataDir,
    ).toBe("/srv/data");
    const secret = "s".repeat(40);
    expect(
      parseEnv({ REDIS_URL: "redis://x:1", NODE_ENV: "production", ACTLAB_AUTH_SECRET: secret }).authSecret,
    ).toBe(secret);
  });

  it("defaults the public URL to localhost on the port and names a bad one", () => {
    expect(parseEnv({ REDIS_URL: "redis://x:1", PORT: "4100" }).publicUrl.origin).toBe(
      "http://localhost:4100",
    );
    expect(parseEnv({ REDIS_URL: "redis://x:1" }).host).toBe("127.0.0.1");
    expect(() => parseEnv({ REDIS_URL: "redis://x:1", ACTLAB_PUBLIC_URL: "actlab.lan" })).toThrow(
      /ACTLAB_PUBLIC_URL is "actlab.lan": must be an http\(s\) URL/,
    );
  });

  it("sizes the comparison cache and the web processes, and explains a bad value", () => {
    const defaults = parseEnv({ REDIS_URL: "redis://x:1" });
    expect([defaults.compareCacheMb, defaults.webProcesses]).toEqual([64, undefined]);
    const set = parseEnv({
      REDIS_URL: "redis://x:1",
      ACTLAB_COMPARE_CACHE_MB: "0",
      ACTLAB_WEB_PROCESSES: "3",
    });
    expect([set.compareCacheMb, set.webProcesses]).toEqual([0, 3]);
    expect(() => parseEnv({ REDIS_URL: "redis://x:1", ACTLAB_WEB_PROCESSES: "0" })).toThrow(
      /ACTLAB_WEB_PROCESSES is "0": must be at least 1 \(example: ACTLAB_WEB_PROCESSES=2\)/,
    );
    expect(() => parseEnv({ REDIS_URL: "redis://x:1", ACTLAB_COMPARE_CACHE_MB: "lots" })).toThrow(
      /ACTLAB_COMPARE_CACHE_MB is "lots": must be a whole number of megabytes/,
    );
  });
});
