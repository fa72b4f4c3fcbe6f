"use client";
/**
 * /settings/account: change your password (better-auth checks the current one). Every other session of
 * the account is signed out, so a password someone else learned stops working everywhere at once.
 */
import { type FormEvent, useState } from "react";
import { HydratedFieldset } from "@/components/hydrated-fieldset";
import { postAuth } from "./auth-request";
import { fieldErrors, ZChangePasswordForm } from "./schemas";

const FIELDS = [
  ["currentPassword", "Current password", "current-password"],
  ["newPassword", "New password", "new-password"],
  ["confirmPassword", "New password again", "new-password"],
] as const;

export function PasswordSettings() {
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
    const res = await postAuth("change-password", {
      currentPassword,
      newPassword,
      revokeOtherSessions: true,
    });
    setBusy(false);
    if (!res.ok) {
      if (res.code === "INVALID_PASSWORD")
        return setErrors({ currentPassword: "that is not your current password" });
      return setErrors({ _: res.message ?? `the password was not changed (${res.status})` });
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
        <HydratedFieldset busy={busy}>
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
        </HydratedFieldset>
      </form>
    </section>
  );
}
