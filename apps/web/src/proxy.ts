/** Tells the server-rendered layout which page it wraps, so it can send signed-out visitors to /sign-in. */
import { type NextRequest, NextResponse } from "next/server";

export function proxy(req: NextRequest) {
  const headers = new Headers(req.headers);
  headers.set("x-actlab-path", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: API routes authenticate themselves, assets need nobody.
  matcher: ["/((?!api/|_next/|favicon|icon\\.svg).*)"],
};
