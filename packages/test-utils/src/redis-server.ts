/** Starts a throwaway redis-server on a free loopback port (tests and benchmarks need a real one: BullMQ runs Lua). */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type RedisHandle = { url: string; port: number; stop(): Promise<void>; restart(): Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => {
        s.end();
        resolve(true);
      });
      s.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not listen on ${port} within ${timeoutMs} ms`);
}

/** persistent: an append-only file fsynced on every write, so a restart keeps every queued job. */
export async function startRedis(options: { persistent?: boolean } = {}): Promise<RedisHandle> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actlab-redis-"));
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(
      "redis-server",
      [
        ...["--bind", "127.0.0.1", "--port", String(port), "--dir", dir, "--save", ""],
        ...(options.persistent ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"]),
      ],
      { stdio: "ignore" },
    );
    child.on("error", () => {});
    await waitForPort(port, child).catch((err: Error) => {
      throw new Error(`${err.message} (is redis-server installed? apt-get install redis-server)`);
    });
  };
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    restart: async () => {
      await stop();
      await launch();
    },
  };
}
