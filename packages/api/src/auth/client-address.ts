/**
 * Who the client is, for rate limits: the socket's peer, unless that peer is one of the reverse proxies
 * the operator listed (ACTLAB_TRUSTED_PROXIES); then X-Forwarded-For is read from the right, past the
 * trusted hops. A client can write anything into that header, so from anyone else it is ignored.
 */
import { BlockList, isIP } from "node:net";

/** The header the API puts the resolved address in (any value a client sent is replaced). */
export const CLIENT_ADDRESS_HEADER = "x-actlab-client-address";

export type TrustedProxies = { has(address: string): boolean };

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** `entries` are IPs or CIDRs, validated by the environment schema. */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return {
    has(address) {
      const plain = plainAddress(address);
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 6 ? "ipv6" : "ipv4");
    },
  };
}

/** The client's address, or null when the peer is unknown (then every such request shares one count). */
export function clientAddress(
  peer: string | null,
  forwardedFor: string | null,
  trusted: TrustedProxies,
): string | null {
  if (!peer) return null;
  let client = plainAddress(peer);
  if (!trusted.has(client)) return client;
  const hops = (forwardedFor ?? "").split(",").map((hop) => hop.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plainAddress(hops[i] ?? "");
    // Garbage where an address should be: what the trusted hops vouched for ends here.
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!trusted.has(hop)) return client;
  }
  return client;
}

/** The request with the resolved address in CLIENT_ADDRESS_HEADER, for better-auth (sessions, limits). */
export function withClientAddress(req: Request, address: string | null): Request {
  const headers = new Headers(req.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  return new Request(req, { headers, duplex: "half" } as RequestInit);
}
