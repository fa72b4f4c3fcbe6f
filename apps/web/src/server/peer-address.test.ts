import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { peerAddress, stampPeerAddresses } from "./peer-address";

/** What the auth route would read as the peer, for one request sent with `headers`. */
async function peerSeen(headers: Record<string, string>): Promise<string | null> {
  const server = http.createServer((req, res) => {
    const request = new Request("http://x/", { headers: req.headers as Record<string, string> });
    res.end(JSON.stringify(peerAddress(request)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers });
    return JSON.parse(await res.text());
  } finally {
    server.close();
  }
}

describe("peer address", () => {
  it("is unknown until stamping is installed, then the socket's, whatever the client claims", async () => {
    const forged = { "x-actlab-peer": "203.0.113.9", "x-forwarded-for": "203.0.113.9" };
    expect(await peerSeen(forged)).toBeNull();
    stampPeerAddresses();
    expect(await peerSeen(forged)).toBe("127.0.0.1");
  });
});
