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

/** The body's bytes, read at most `maxBytes` far, or null when it is larger (declared or streamed). */
export async function readBodyWithin(req: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!req.body) return new Uint8Array(0);
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxBytes)) {
    await req.body.cancel().catch(() => {});
    return null;
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
      return null;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

/** The request to hand on (its body read into memory, at most `maxBytes`), or the 413 to answer. */
export async function withinBodyLimit(req: Request, maxBytes: number): Promise<Request | Response> {
  if (!req.body) return req;
  const body = await readBodyWithin(req, maxBytes);
  if (!body) return tooLargeRefusal(maxBytes);
  return new Request(req, { body, duplex: "half" } as RequestInit);
}
