"use client";
/** Sign-in and sign-up forms: validated with zod in the browser, then sent to better-auth's endpoints. */
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { HydratedFieldset } from "@/components/hydrated-fieldset";
import styles from "./account.module.css";
import { postAuth } from "./auth-request";
import { fieldErrors, safeNext, ZSignInForm, ZSignUpForm } from "./schemas";

type Mode = "sign-in" | "sign-up";

export function AuthForm({
  mode,
  next,
  note,
  headers,
}: {
  mode: Mode;
  next: string | null;
  note?: string;
  /** Extra request headers the server asks for (the invite a sign-up comes from). */
  headers?: Record<string, string>;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const signUp = mode === "sign-up";

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const values = Object.fromEntries(new FormData(e.currentTarget));
    const parsed = (signUp ? ZSignUpForm : ZSignInForm).safeParse(values);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    setBusy(true);
    const res = await postAuth(`${signUp ? "sign-up" : "sign-in"}/email`, parsed.data, headers);
    setBusy(false);
    if (!res.ok) {
      if (res.code === "USER_ALREADY_EXISTS" || res.code?.includes("EXISTS")) {
        return setErrors({ email: "an account with this email exists: sign in instead" });
      }
      return setErrors({ _: res.message ?? `sign-${signUp ? "up" : "in"} failed (${res.status})` });
    }
    // A full load, so the server-rendered top bar picks up the new session.
    window.location.assign(safeNext(next));
  }

  const other = signUp ? "/sign-in" : "/sign-up";
  const nextQuery = next ? `?next=${encodeURIComponent(next)}` : "";
  return (
    <form
      className={`panel form ${styles.authCard}`}
      onSubmit={submit}
      noValidate
      data-testid={`${mode}-form`}
    >
      <HydratedFieldset>
        <h1 style={{ margin: 0 }}>{signUp ? "Create your account" : "Sign in to Actlab"}</h1>
        {note ? (
          <p className="muted" style={{ margin: 0 }}>
            {note}
          </p>
        ) : null}
        {errors._ ? (
          <div className="alert" role="alert">
            {errors._}
          </div>
        ) : null}
        {signUp ? (
          <div className="field">
            <label htmlFor="name">Name</label>
            <input id="name" name="name" autoComplete="name" aria-invalid={!!errors.name} />
            {errors.name ? <span className="error">{errors.name}</span> : null}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" aria-invalid={!!errors.email} />
          {errors.email ? <span className="error">{errors.email}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete={signUp ? "new-password" : "current-password"}
            aria-invalid={!!errors.password}
          />
          {errors.password ? (
            <span className="error">{errors.password}</span>
          ) : (
            <span className="hint">{signUp ? "At least 8 characters." : ""}</span>
          )}
        </div>
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? "One moment…" : signUp ? "Create account" : "Sign in"}
        </button>
        <p className="muted" style={{ margin: 0 }}>
          {signUp ? "Already have an account? " : "New here? "}
          <Link href={`${other}${nextQuery}`}>{signUp ? "Sign in" : "Create an account"}</Link>
        </p>
      </HydratedFieldset>
    </form>
  );
}
