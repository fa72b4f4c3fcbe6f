/** The account forms' zod schemas: the same messages show inline under each field. */
import { z } from "zod";

const ZEmail = z.email({ error: "enter an email address like you@example.com" });
const ZNewPassword = z.string().min(8, "at least 8 characters").max(128, "at most 128 characters");

export const ZSignInForm = z.object({
  email: ZEmail,
  password: z.string().min(1, "enter your password"),
});

export const ZSignUpForm = z.object({
  name: z.string().trim().min(1, "tell us your name").max(60, "at most 60 characters"),
  email: ZEmail,
  password: ZNewPassword,
});

export const ZChangePasswordForm = z
  .object({
    currentPassword: z.string().min(1, "enter your current password"),
    newPassword: ZNewPassword,
    confirmPassword: z.string(),
  })
  .refine((f) => f.confirmPassword === f.newPassword, {
    path: ["confirmPassword"],
    error: "the two new passwords differ",
  })
  .refine((f) => f.newPassword !== f.currentPassword, {
    path: ["newPassword"],
    error: "choose a password different from the current one",
  });

/** One message per field, for forms to show inline. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_");
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * Only same-origin paths after sign-in: `next=https://evil`, `//evil`, `/\evil` and `/%09/evil` must not
 * become an open redirect. Browsers drop tabs and newlines and read `\` as `/`, so the path is resolved
 * against a placeholder origin exactly as the browser will, and kept only if the origin did not change.
 */
export function safeNext(next: string | null | undefined): string {
  const hasControlOrBackslash = [...(next ?? "")].some((c) => c === "\\" || c.charCodeAt(0) < 0x20);
  if (!next?.startsWith("/") || hasControlOrBackslash) return "/";
  const base = "http://same-origin.invalid";
  try {
    const url = new URL(decodeURIComponent(next), base);
    const raw = new URL(next, base);
    if (url.origin !== base || raw.origin !== base) return "/";
    return raw.pathname + raw.search + raw.hash;
  } catch {
    return "/";
  }
}
