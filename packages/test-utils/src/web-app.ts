/** The built dashboard (`next start`) as a process for tests that talk to it over HTTP or drive a browser. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type AppProcess, spawnApp, waitFor } from "./processes";
import { freePort } from "./redis-server";

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../apps/web");

export type WebApp = { baseUrl: string; process: AppProcess };

/**
 * Starts `next start` on a free port with `env` and resolves once it answers a tRPC query; with `processes`,
 * as `npm start` serves it: that many `next start` processes sharing the port (apps/web/bin/serve.ts).
 */
export async function startWebApp(
  env: Record<string, string>,
  options: { processes?: number } = {},
): Promise<WebApp> {
  if (!fs.existsSync(path.join(webDir, ".next/BUILD_ID"))) {
    throw new Error(
      "apps/web is not built: run `pnpm --filter @actlab/web build` first (the test command does)",
    );
  }
  const port = await freePort();
  const web =
    options.processes === undefined
      ? spawnApp(path.join(webDir, "node_modules/.bin/next"), ["start", "-p", String(port)], {
          cwd: webDir,
          env: { ...env, NODE_ENV: "production" },
        })
      : spawnApp("node", ["--import", "tsx", "bin/serve.ts"], {
          cwd: webDir,
          env: {
            ...env,
            NODE_ENV: "production",
            HOST: "127.0.0.1",
            PORT: String(port),
            ACTLAB_WEB_PROCESSES: String(options.processes),
          },
        });
  const baseUrl = `http://localhost:${port}`;
  await waitFor(
    `web ready: ${web.output()}`,
    async () => (await fetch(`${baseUrl}/api/trpc/meta.options`)).ok,
    60_000,
    250,
  );
  return { baseUrl, process: web };
}

/** A tRPC mutation as the browser sends it (superjson's envelope), for setting up without clicking. */
export async function trpcMutation<T = { id: string }>(
  baseUrl: string,
  procedure: string,
  input: unknown,
): Promise<T> {
  const res = await fetch(`${baseUrl}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });
  const body = (await res.json()) as { result?: { data?: { json?: T } } };
  if (!res.ok || !body.result?.data?.json)
    throw new Error(`${procedure}: ${res.status} ${JSON.stringify(body)}`);
  return body.result.data.json;
}
