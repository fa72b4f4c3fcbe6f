/**
 * Security headers on every page: a nonce-based Content-Security-Policy (the one inline script, the
 * theme, carries the nonce; Next.js puts it on its own scripts), no framing, no MIME sniffing, no
 * full URL in Referer, and HSTS once the public URL is https.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(publicUrl: URL): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    ...(publicUrl.protocol === "https:" ? { "strict-transport-security": "max-age=31536000" } : {}),
  };
}
