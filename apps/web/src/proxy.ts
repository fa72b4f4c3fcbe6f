/**
 * Every request first: refused unless its Host is the public URL's or loopback (DNS rebinding); pages
 * get a CSP nonce and the security headers, and the layout is told which page it wraps.
 */
import { contentSecurityPolicy, isAllowedHost, securityHeaders, wrongHostRefusal } from "@actlab/api/network";
import { type NextRequest, NextResponse } from "next/server";

const publicUrl = new URL(
  new URL(process.env.ACTLAB_PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`).origin,
);

export function proxy(req: NextRequest) {
  if (!isAllowedHost(req.headers.get("host"), publicUrl)) return wrongHostRefusal(publicUrl);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(req.headers);
  headers.set("x-actlab-path", req.nextUrl.pathname + req.nextUrl.search);
  headers.set("x-nonce", nonce);
  // Next.js reads the policy from the request to put the nonce on the scripts it renders.
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  for (const [k, v] of Object.entries(securityHeaders(publicUrl))) res.headers.set(k, v);
  return res;
}

export const config = {
  // Everything but static assets (hashed, public): API routes get the Host check and headers too.
  matcher: ["/((?!_next/static|_next/image|favicon|icon\\.svg).*)"],
};
