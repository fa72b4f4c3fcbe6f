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

/**
 * Hands every chunk of `stream` to `take`, in order; past `maxBytes` it stops reading, cancels the
 * stream and answers null (the chunk that crossed the limit is not handed on). Else the total size.
 */
export async function streamWithin(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
  take: (chunk: Uint8Array) => void | Promise<void>,
): Promise<number | null> {
  const reader = stream.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return size;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    await take(value);
  }
}

/** The body's bytes, read at most `maxBytes` far, or null when it is larger (declared or streamed). */
export async function readBodyWithin(req: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!req.body) return new Uint8Array(0);
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxBytes)) {
    await req.body.cancel().catch(() => {});
    return null;
  }
  const chunks: Uint8Array[] = [];
  const size = await streamWithin(req.body, maxBytes, (chunk) => {
    chunks.push(chunk);
  });
  if (size === null) return null;
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
