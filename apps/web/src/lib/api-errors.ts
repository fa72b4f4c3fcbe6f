/** Maps a tRPC error's per-field messages (paths like "config.lr") onto form fields. */
export function fieldErrorsOf(
  err: { message: string; data?: unknown },
  fieldFor: (path: string) => string | null,
) {
  const fieldErrors = (err.data as { fieldErrors?: Record<string, string> | null } | undefined)?.fieldErrors;
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors ?? {})) out[fieldFor(path) ?? "_"] ??= message;
  if (Object.keys(out).length === 0) out._ = err.message;
  return out;
}
