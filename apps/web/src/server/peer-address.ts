/**
 * `next start` gives route handlers no socket, and fills X-Forwarded-For from it only when the client
 * sent none, so the header could name any address. At start, every request of this process is stamped
 * with its socket's address in PEER_HEADER (replacing whatever a client sent under that name).
 */
import http from "node:http";

const PEER_HEADER = "x-actlab-peer";
const installed = Symbol.for("actlab.peer-address");
type Flagged = typeof globalThis & { [installed]?: true };

export function stampPeerAddresses(): void {
  const g = globalThis as Flagged;
  if (g[installed]) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    }
    return Reflect.apply(emit, this, [event, ...args]);
  } as typeof emit;
  g[installed] = true;
}

/** The socket address of this request, or null if the stamp is not installed (then the header is a client's). */
export function peerAddress(req: Request): string | null {
  if (!(globalThis as Flagged)[installed]) return null;
  return req.headers.get(PEER_HEADER) || null;
}
