/**
 * Which Host a request may name: the configured public URL's, or a loopback one. Anything else is a
 * DNS-rebinding page or a stranger's proxy, and is refused before any handler runs.
 */
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** The host name without its port (IPv6 literals keep their brackets). */
function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  return h.split(":")[0] ?? "";
}

export function isLoopbackHost(host: string | null): boolean {
  if (!host) return false;
  const name = hostName(host);
  return LOOPBACK_NAMES.has(name) || /^127(\.\d{1,3}){3}$/.test(name) || name.endsWith(".localhost");
}

export function isAllowedHost(host: string | null, publicUrl: URL): boolean {
  if (!host) return false;
  return host.trim().toLowerCase() === publicUrl.host || isLoopbackHost(host);
}

export function isLoopbackBind(address: string): boolean {
  return address === "localhost" || address === "::1" || /^127(\.\d{1,3}){3}$/.test(address);
}

export function wrongHostRefusal(publicUrl: URL): Response {
  return Response.json(
    { error: { message: `unknown Host: open this Actlab at ${publicUrl.origin}`, code: "MISDIRECTED" } },
    { status: 421 },
  );
}
