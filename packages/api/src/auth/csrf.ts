/**
 * Cross-site request forgery: a state-changing request (POST, PUT, PATCH, DELETE) from a page on another
 * origin is refused. Browsers always send Sec-Fetch-Site or Origin on such requests; scripts (curl, an
 * API token) send neither and carry no ambient cookie worth forging, so they pass.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossOriginWrite(req: Request): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return false;
  const site = req.headers.get("sec-fetch-site");
  // "same-site" is still another origin (another port on localhost is same-site): refuse it too.
  if (site) return site !== "same-origin" && site !== "none";
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const host = req.headers.get("host") ?? new URL(req.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (sandboxed frames, file://) or garbage: not our page.
  }
}

export function crossOriginRefusal(): Response {
  return Response.json(
    { error: { message: "cross-origin request refused", code: "FORBIDDEN" } },
    { status: 403 },
  );
}
