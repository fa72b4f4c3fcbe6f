/** A real HTTP server around the API's handlers (tRPC, auth, dataset uploads), so tests send real requests (cookies, Origin, 403s). */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ReadableStream as NodeReadableStream } from "node:stream/web";
import { createAuth } from "./auth/create-auth";
import { handleAuthRequest, handleTrpcRequest } from "./auth/http";
import {
  createRequestAuth,
  type NetworkOptions,
  type RequestAuth,
  type SignupMode,
} from "./auth/request-user";
import { DATASETS_UPLOAD_PATH, handleDatasetUpload } from "./datasets/upload-request";
import type { TestApi } from "./test-api";

export type TestServer = { url: string; port: number; requestAuth: RequestAuth; close(): Promise<void> };

export async function startTestServer(
  api: TestApi,
  options: {
    signup?: SignupMode;
    network?: NetworkOptions;
    maxUploadBytes?: number;
    spoolDir?: string;
    /** Shared by servers that stand for replicas of one deployment. */
    authSecret?: string;
  } = {},
): Promise<TestServer> {
  const auth = createAuth({
    db: api.db,
    secret: options.authSecret ?? randomBytes(32).toString("base64url"),
    redis: api.deps.redis,
    // As the web app decides it: Secure cookies exactly when the public URL is https.
    secureCookies: options.network?.publicUrl.protocol === "https:",
  });
  const requestAuth = createRequestAuth(api.db, auth, { ...options, redis: api.deps.redis });
  const server = http.createServer(async (req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (Array.isArray(v)) for (const x of v) headers.append(k, x);
      else if (v !== undefined) headers.set(k, v);
    }
    // The body is streamed, as a web server hands it over: the handlers decide how much they read.
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      // ReadableStream.from, not Readable.toWeb: a body cancelled mid-flow (at an upload's limit) makes
      // toWeb's adapter throw on the next chunk, which takes the test process down.
      body: hasBody ? (NodeReadableStream.from(req) as unknown as ReadableStream<Uint8Array>) : undefined,
      duplex: "half",
    } as RequestInit);
    const response = req.url?.startsWith("/api/auth")
      ? await handleAuthRequest(request, requestAuth, req.socket.remoteAddress ?? null)
      : req.url?.startsWith(DATASETS_UPLOAD_PATH)
        ? await handleDatasetUpload(
            request,
            { ...api.deps, spoolDir: options.spoolDir },
            requestAuth,
            options.maxUploadBytes ?? 1 << 20,
          )
        : await handleTrpcRequest(request, api.deps, requestAuth);
    const outHeaders: Record<string, string | string[]> = {};
    response.headers.forEach((value, key) => {
      if (key !== "set-cookie") outHeaders[key] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) outHeaders["set-cookie"] = cookies;
    res.writeHead(response.status, outHeaders);
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requestAuth,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
