"use client";
/**
 * /settings/account: change your password (better-auth checks the current one). Every other session of
 * the account is signed out, so a password someone else learned stops working everywhere at once.
 */
import { type FormEvent, useState } from "react";
import { useHydrated } from "@/lib/use-hydrated";
import { fieldErrors, ZChangePasswordForm } from "./schemas";

const FIELDS = [
  ["currentPassword", "Current password", "current-password"],
  ["newPassword", "New password", "new-password"],
  ["confirmPassword", "New password again", "new-password"],
] as const;

export function PasswordSettings() {
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    setDone(false);
    const parsed = ZChangePasswordForm.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    setBusy(true);
    const { currentPassword, newPassword } = parsed.data;
    const res = await fetch("/api/auth/change-password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ currentPassword, newPassword, revokeOtherSessions: true }),
    }).catch(() => null);
    setBusy(false);
    if (!res) return setErrors({ _: "the server did not answer: try again" });
    if (res.status === 429) return setErrors({ _: "too many attempts: wait a minute and try again" });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
      if (body.code === "INVALID_PASSWORD")
        return setErrors({ currentPassword: "that is not your current password" });
      return setErrors({ _: body.message ?? `the password was not changed (${res.status})` });
    }
    form.reset();
    setDone(true);
  }

  return (
    <section className="panel">
      <h2>Password</h2>
      <form
        className="form"
        onSubmit={submit}
        noValidate
        data-testid="password-form"
        style={{ maxWidth: 420 }}
      >
        <fieldset className="fieldset-contents" disabled={!hydrated || busy}>
          {errors._ ? (
            <div className="alert" role="alert">
              {errors._}
            </div>
          ) : null}
          {FIELDS.map(([name, label, autoComplete]) => (
            <div className="field" key={name}>
              <label htmlFor={name}>{label}</label>
              <input
                id={name}
                name={name}
                type="password"
                autoComplete={autoComplete}
                aria-invalid={!!errors[name]}
              />
              {errors[name] ? <span className="error">{errors[name]}</span> : null}
            </div>
          ))}
          <div className="row">
            <button className="btn btn-primary" type="submit">
              {busy ? "One moment…" : "Change password"}
            </button>
            {done ? (
              <span className="muted" role="status" data-testid="password-changed">
                Password changed. Every other session of this account is signed out.
              </span>
            ) : null}
          </div>
        </fieldset>
      </form>
    </section>
  );
}
