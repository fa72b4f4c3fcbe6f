/**
 * Browser caching of query answers. A procedure says whether its answer may be kept (`noteCacheable`);
 * a GET whose every call said yes gets an ETag and `private, no-cache`, so the browser revalidates each
 * time (access is checked again: a revoked link or a removed member stops at once) and an unchanged
 * answer costs a 304 with no body. Anything else that a procedure marked gets no-store.
 */
import { createHash } from "node:crypto";

/** Per request: how many calls of the batch allowed caching, and how many forbade it. */
export type HttpCacheHints = { cacheable: number; live: number };

export const REVALIDATE_EVERY_TIME = "private, no-cache";

export function noteCacheable(ctx: { httpCache?: HttpCacheHints }, cacheable: boolean) {
  if (!ctx.httpCache) return; // called without HTTP (server-side prefetch, tests' callers)
  if (cacheable) ctx.httpCache.cacheable++;
  else ctx.httpCache.live++;
}

/** responseMeta's headers for a batch of `calls` that answered with `errors` errors. */
export function cacheHeaders(
  hints: HttpCacheHints | undefined,
  calls: number,
  errors: number,
): Record<string, string> {
  if (!hints || hints.cacheable + hints.live === 0) return {};
  if (errors === 0 && hints.live === 0 && hints.cacheable === calls)
    return { "cache-control": REVALIDATE_EVERY_TIME, vary: "Cookie, Authorization" };
  return { "cache-control": "no-store" };
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

/** Adds the ETag (a hash of the body) to a revalidated answer, and turns a matching If-None-Match into a 304. */
export async function answerConditionally(req: Request, res: Response): Promise<Response> {
  if (
    req.method !== "GET" ||
    res.status !== 200 ||
    res.headers.get("cache-control") !== REVALIDATE_EVERY_TIME
  )
    return res;
  const body = await res.arrayBuffer();
  const etag = `"${createHash("sha256").update(new Uint8Array(body)).digest("base64url").slice(0, 32)}"`;
  const headers = new Headers(res.headers);
  headers.set("etag", etag);
  const asked = req.headers.get("if-none-match");
  if (asked && (asked.trim() === "*" || asked.split(",").some((t) => opaque(t) === etag))) {
    headers.delete("content-type");
    headers.delete("content-length");
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers });
}
