/** The server as a network sees it, over real HTTP: Host check, local mode, setup link, body limit. */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSetupLink, LOOPBACK_NETWORK, SETUP_HEADER } from "../auth";
import { testApiForSuite } from "../test-api";
import { startTestServer, type TestServer } from "../test-server";

/** node:http, because fetch will not send a Host other than the URL's. */
function send(
  port: number,
  options: { path: string; method?: string; host: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: options.path,
        method: options.method ?? "GET",
        headers: { host: options.host, "content-type": "application/json", ...options.headers },
      },
      (res) => {
        let body = "";
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const account = (email: string) => JSON.stringify({ name: "Ann", email, password: "correct-horse-1" });

describe("a server on loopback, no account yet", () => {
  const api = testApiForSuite();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(api, {
      network: { ...LOOPBACK_NETWORK, publicUrl: new URL("http://actlab.lan:3000"), maxBodyBytes: 64 * 1024 },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it("refuses a request naming a Host that is neither the public URL nor loopback", async () => {
    const res = await send(server.port, { path: "/api/trpc/workspaces.me", host: "evil.example" });
    expect(res.status).toBe(421);
    expect(res.body).toMatch(/open this Actlab at http:\/\/actlab\.lan:3000/);
    const upload = await send(server.port, {
      path: "/api/datasets?name=x",
      method: "POST",
      host: "evil.example",
      body: "a,y\n1,2\n",
    });
    expect(upload.status).toBe(421);
  });

  it("gives local mode to a loopback Host only, not to the public name a rebinding page uses", async () => {
    const local = await send(server.port, {
      path: "/api/trpc/workspaces.me",
      host: `localhost:${server.port}`,
    });
    expect(JSON.parse(local.body).result.data.json.localMode).toBe(true);
    const remote = await send(server.port, { path: "/api/trpc/workspaces.me", host: "actlab.lan:3000" });
    expect(remote.body).not.toMatch(/local@actlab/);
    expect(JSON.parse(remote.body).result?.data?.json?.localMode ?? false).toBe(false);
  });

  it("refuses a body over the limit with 413, declared or streamed", async () => {
    const big = "x".repeat(65 * 1024);
    const declared = await send(server.port, {
      path: "/api/trpc/runs.create",
      method: "POST",
      host: `localhost:${server.port}`,
      body: JSON.stringify({ json: { pad: big } }),
    });
    expect(declared.status).toBe(413);
    const streamed = await send(server.port, {
      path: "/api/auth/sign-in/email",
      method: "POST",
      host: `localhost:${server.port}`,
      headers: { "transfer-encoding": "chunked" },
      body: JSON.stringify({ email: big, password: "x" }),
    });
    expect(streamed.status).toBe(413);
  });
});

describe("a server open to the network, no account yet", () => {
  const api = testApiForSuite();
  let server: TestServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "actlab-setup-"));
    server = await startTestServer(api, {
      network: { ...LOOPBACK_NETWORK, bindsLoopback: false, setupLink: createSetupLink(dataDir) },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const signUp = (email: string, headers: Record<string, string> = {}) =>
    send(server.port, {
      path: "/api/auth/sign-up/email",
      method: "POST",
      host: `localhost:${server.port}`,
      headers,
      body: account(email),
    });

  it("has no local mode: nobody is owner by reaching the port", async () => {
    const res = await send(server.port, {
      path: "/api/trpc/workspaces.me",
      host: `localhost:${server.port}`,
    });
    expect(res.body).not.toMatch(/local@actlab/);
    expect(JSON.parse(res.body).result?.data?.json?.localMode ?? false).toBe(false);
  });

  it("creates the first owner only through the setup link, once, even with two sign-ups at once", async () => {
    const token = server.requestAuth.network.setupLink?.token() ?? "";
    expect(fs.statSync(path.join(dataDir, "setup-token")).mode & 0o777).toBe(0o600);
    const without = await signUp("stranger@example.com");
    expect(without.status).toBe(403);
    expect(without.body).toMatch(/SETUP_LINK_REQUIRED/);
    const wrong = await signUp("stranger@example.com", { [SETUP_HEADER]: "not-the-token" });
    expect(wrong.status).toBe(403);
    const [a, b] = await Promise.all([
      signUp("owner-a@example.com", { [SETUP_HEADER]: token }),
      signUp("owner-b@example.com", { [SETUP_HEADER]: token }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    // Spent: the link cannot make another owner.
    expect(fs.existsSync(path.join(dataDir, "setup-token"))).toBe(false);
    expect(server.requestAuth.network.setupLink?.claim(token)).toBe(false);
  });
});

describe("a server whose public URL is https", () => {
  const api = testApiForSuite();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(api, {
      network: { ...LOOPBACK_NETWORK, publicUrl: new URL("https://actlab.example.org") },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it("sets the session cookie Secure (and HttpOnly), so it never travels over plain http", async () => {
    const res = await send(server.port, {
      path: "/api/auth/sign-up/email",
      method: "POST",
      host: `localhost:${server.port}`,
      body: account("secure@example.com"),
    });
    expect(res.status).toBe(200);
    const session = (res.headers["set-cookie"] ?? []).find((c) => /session_token=/.test(c));
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
  });
});
