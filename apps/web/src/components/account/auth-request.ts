/** A POST to one of better-auth's endpoints from an account form, with its failures as readable text. */

export type AuthResult = { ok: true } | { ok: false; status: number; code?: string; message?: string };

export async function postAuth(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<AuthResult> {
  const res = await fetch(`/api/auth/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!res) return { ok: false, status: 0, message: "the server did not answer: try again" };
  if (res.status === 429)
    return { ok: false, status: 429, message: "too many attempts: wait a minute and try again" };
  if (res.ok) return { ok: true };
  const parsed = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  return { ok: false, status: res.status, code: parsed.code, message: parsed.message };
}
