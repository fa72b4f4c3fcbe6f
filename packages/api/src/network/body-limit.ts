/**
 * Request bodies over a stated size are refused with 413 before they are read: a declared
 * Content-Length over the limit is refused at once, and a chunked body stops being read at the limit.
 * Any route that reads a body (tRPC, auth, REST) passes its request through `withinBodyLimit` first.
 */
export function tooLargeRefusal(maxBytes: number): Response {
  return Response.json(
    { error: { message: `request body over the ${maxBytes}-byte limit`, code: "PAYLOAD_TOO_LARGE" } },
    { status: 413, headers: { connection: "close" } },
  );
}

/** The request to hand on (its body read into memory, at most `maxBytes`), or the 413 to answer. */
export async function withinBodyLimit(req: Request, maxBytes: number): Promise<Request | Response> {
  if (!req.body) return req;
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxBytes)) {
    await req.body.cancel().catch(() => {});
    return tooLargeRefusal(maxBytes);
  }
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLargeRefusal(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return new Request(req, { body, duplex: "half" } as RequestInit);
}
