/** Environment configuration, validated once at start with zod; defaults make a bare `npm start` work. */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const ZPort = z.coerce.number().int().min(1).max(65535);

export const ZEnv = z.object({
  ACTLAB_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|postgres(ql)?:\/\/)/,
      "must be a SQLite file URL such as file:./data/actlab.db or a PostgreSQL URL such as postgresql://actlab@127.0.0.1:5432/actlab",
    )
    .optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must look like redis://127.0.0.1:6379" }),
  PORT: ZPort.default(3000),
  /** Trainings one worker process runs at once (its slots on the queue page); one per core by default. */
  ACTLAB_WORKER_SLOTS: z.coerce.number().int().min(1).max(64).optional(),
  // The old name, refused with the new one rather than silently ignored.
  WORKER_CONCURRENCY: z.undefined({ error: "was renamed: set ACTLAB_WORKER_SLOTS instead" }).optional(),
  /**
   * Most threads one training's matrix products use when the worker has idle cores (one big run, a
   * sweep's last runs); every core by default, 1 keeps each training on one core. Same bits either way.
   */
  ACTLAB_TRAINING_THREADS: z.coerce
    .number({ error: "must be a whole number of threads" })
    .int("must be a whole number of threads")
    .min(1, "must be at least 1 (thread)")
    .max(256, "must be at most 256 (threads)")
    .optional(),
  CHECKPOINT_EVERY_EPOCHS: z.coerce.number().int().min(1).max(1000).default(1),
  /** How long a job's lock lives without renewal: after a worker dies, its job is resumed this much later. */
  WORKER_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** Heap limit of each training process: one that outgrows it fails its run alone, the worker stays up. */
  ACTLAB_TRAINING_MEMORY_MB: z.coerce
    .number({ error: "must be a whole number of megabytes" })
    .int("must be a whole number of megabytes")
    .min(64, "must be at least 64 (megabytes)")
    .max(1_048_576, "must be at most 1048576 (megabytes, 1 TB)")
    .default(4096),
  /** Signs session cookies; when unset, a random one is generated once and kept in the data folder. */
  ACTLAB_AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)")
    .optional(),
  BETTER_AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)")
    .optional(),
  /** Who may create an account once the first one exists: anyone, or only holders of an invite link. */
  ACTLAB_SIGNUP: z.enum(["open", "invite"], { error: 'must be "open" or "invite"' }).default("open"),
  /** The address the dashboard listens on; loopback unless the operator opens it to a network. */
  HOST: z
    .string()
    .regex(/^[\w.:-]+$/, "must be an address such as 127.0.0.1 or 0.0.0.0")
    .default("127.0.0.1"),
  /** The URL people open; requests naming any other Host (but loopback) are refused. */
  ACTLAB_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://actlab.example.org" })
    .optional(),
  /** Largest request body the API reads, in bytes; larger ones get 413 before they are read. */
  ACTLAB_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(1_073_741_824).default(1_048_576),
  /**
   * Where MLflow artifacts' bytes live: a folder under the data folder (one host), or the database, which
   * every web process reads without a shared disk. Default: the database on PostgreSQL, else the folder.
   */
  ACTLAB_ARTIFACT_STORE: z
    .enum(["folder", "database"], { error: 'must be "folder" or "database"' })
    .optional(),
  /** Largest artifact file (mlflow.log_artifact) in bytes; uploads are streamed to the store and cut off past it. */
  ACTLAB_MAX_ARTIFACT_BYTES: z.coerce.number().int().min(1024).max(2_147_483_647).default(1_073_741_824),
  /** Largest dataset upload in bytes, as sent and after gzip is undone (MNIST as CSV is about 110 MB). */
  ACTLAB_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).max(1_073_741_824).default(268_435_456),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (comma-separated IPs or CIDRs); from anyone else
   * the client is the socket's peer, so a forged header cannot pose as another client.
   */
  ACTLAB_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
          error: "must list IP addresses or CIDR ranges, such as 10.0.0.1,192.168.0.0/16",
        }),
      ),
    ),
  /** `next start` processes sharing the dashboard's port (node:cluster); one per core by default. */
  ACTLAB_WEB_PROCESSES: z.coerce
    .number({ error: "must be a whole number of processes" })
    .int("must be a whole number of processes")
    .min(1, "must be at least 1")
    .max(64, "must be at most 64")
    .optional(),
  /**
   * Memory for each web process's cache of comparison series (a shared report opened by a whole team is
   * read once); 0 turns it off.
   */
  ACTLAB_COMPARE_CACHE_MB: z.coerce
    .number({ error: "must be a whole number of megabytes" })
    .int("must be a whole number of megabytes")
    .min(0, "must be 0 (off) or more megabytes")
    .max(65_536, "must be at most 65536 (megabytes)")
    .default(64),
  NODE_ENV: z.string().optional(),
});

export type Env = {
  dataDir: string;
  databaseUrl: string;
  databaseFile: string;
  redisUrl: string;
  port: number;
  workerSlots: number | undefined;
  /** ACTLAB_TRAINING_THREADS; undefined means every core. */
  trainingThreads: number | undefined;
  checkpointEveryEpochs: number;
  workerLockMs: number;
  trainingMemoryMb: number;
  /** From ACTLAB_AUTH_SECRET (or BETTER_AUTH_SECRET); undefined means "use the one in the data folder". */
  authSecret: string | undefined;
  signup: "open" | "invite";
  host: string;
  /** Origin of ACTLAB_PUBLIC_URL (default http://localhost:$PORT). */
  publicUrl: URL;
  maxBodyBytes: number;
  artifactStore: "folder" | "database";
  maxArtifactBytes: number;
  maxUploadBytes: number;
  trustedProxies: string[];
  compareCacheMb: number;
  /** undefined: one per core (the launcher decides). */
  webProcesses: number | undefined;
};

const EXAMPLES: Record<string, string> = {
  ACTLAB_DATA_DIR: "./data",
  DATABASE_URL: "file:./data/actlab.db",
  REDIS_URL: "redis://127.0.0.1:6379",
  PORT: "3000",
  ACTLAB_WORKER_SLOTS: "2",
  ACTLAB_TRAINING_THREADS: "2",
  CHECKPOINT_EVERY_EPOCHS: "1",
  WORKER_LOCK_MS: "30000",
  ACTLAB_TRAINING_MEMORY_MB: "4096",
  ACTLAB_AUTH_SECRET: "a-random-string-of-32-or-more-characters",
  BETTER_AUTH_SECRET: "a-random-string-of-32-or-more-characters",
  ACTLAB_SIGNUP: "invite",
  HOST: "0.0.0.0",
  ACTLAB_PUBLIC_URL: "https://actlab.example.org",
  ACTLAB_MAX_BODY_BYTES: "1048576",
  ACTLAB_ARTIFACT_STORE: "database",
  ACTLAB_MAX_ARTIFACT_BYTES: "1073741824",
  ACTLAB_MAX_UPLOAD_BYTES: "268435456",
  ACTLAB_TRUSTED_PROXIES: "10.0.0.1,192.168.0.0/16",
  ACTLAB_COMPARE_CACHE_MB: "64",
  ACTLAB_WEB_PROCESSES: "2",
};

/**
 * Relative paths are taken from the repository root (the folder with pnpm-workspace.yaml), not the
 * current directory: `next start` runs in apps/web, and its ./data once held a committed secret.
 */
export function repositoryRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from);
  }
}

export class EnvError extends Error {}

/** Parses the environment; throws EnvError with one line per bad variable, naming an example value. */
export function parseEnv(source: Record<string, string | undefined>, cwd = process.cwd()): Env {
  const clean = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = ZEnv.safeParse(clean);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "env");
      const got = source[name];
      // Never echo a secret into logs: say only how long it is.
      const shown =
        got === undefined ? "missing" : name.includes("SECRET") ? `${got.length} characters` : `"${got}"`;
      return `${name} is ${shown}: ${issue.message} (example: ${name}=${EXAMPLES[name] ?? "…"})`;
    });
    throw new EnvError(lines.join("\n"));
  }
  const e = result.data;
  const authSecret = e.ACTLAB_AUTH_SECRET ?? e.BETTER_AUTH_SECRET;
  // A production server must not mint a secret wherever it happens to run (a bench once committed one).
  if (e.NODE_ENV === "production" && !authSecret && !clean.ACTLAB_DATA_DIR) {
    throw new EnvError(
      "ACTLAB_AUTH_SECRET is missing: in production set it, or set ACTLAB_DATA_DIR to the data folder that keeps the generated one (npm start and the Docker image do) (example: ACTLAB_AUTH_SECRET=$(openssl rand -base64 32))",
    );
  }
  const root = repositoryRoot(cwd);
  const dataDir = path.resolve(root, e.ACTLAB_DATA_DIR);
  const postgres = e.DATABASE_URL !== undefined && !e.DATABASE_URL.startsWith("file:");
  const databaseFile = e.DATABASE_URL?.startsWith("file:")
    ? path.resolve(root, e.DATABASE_URL.slice("file:".length))
    : path.join(dataDir, "actlab.db");
  return {
    dataDir,
    databaseUrl: postgres ? (e.DATABASE_URL as string) : `file:${databaseFile}`,
    databaseFile,
    redisUrl: e.REDIS_URL,
    port: e.PORT,
    workerSlots: e.ACTLAB_WORKER_SLOTS,
    trainingThreads: e.ACTLAB_TRAINING_THREADS,
    checkpointEveryEpochs: e.CHECKPOINT_EVERY_EPOCHS,
    workerLockMs: e.WORKER_LOCK_MS,
    trainingMemoryMb: e.ACTLAB_TRAINING_MEMORY_MB,
    authSecret,
    signup: e.ACTLAB_SIGNUP,
    host: e.HOST,
    publicUrl: new URL(new URL(e.ACTLAB_PUBLIC_URL ?? `http://localhost:${e.PORT}`).origin),
    maxBodyBytes: e.ACTLAB_MAX_BODY_BYTES,
    artifactStore: e.ACTLAB_ARTIFACT_STORE ?? (postgres ? "database" : "folder"),
    maxArtifactBytes: e.ACTLAB_MAX_ARTIFACT_BYTES,
    maxUploadBytes: e.ACTLAB_MAX_UPLOAD_BYTES,
    trustedProxies: e.ACTLAB_TRUSTED_PROXIES,
    compareCacheMb: e.ACTLAB_COMPARE_CACHE_MB,
    webProcesses: e.ACTLAB_WEB_PROCESSES,
  };
}

/** For process entry points: parse or print the problem in one block and exit 1 (no stack trace). */
export function loadEnvOrExit(appName: string): Env {
  try {
    return parseEnv(process.env);
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(`${appName}: invalid configuration\n${err.message}`);
    process.exit(1);
  }
}

export { resolveAuthSecret } from "./auth-secret";
