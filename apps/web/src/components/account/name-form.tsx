"use client";
/** The one-field form that names something new (a workspace, an API token): the name, its error, the submit. */
import type { FormEvent, ReactNode } from "react";

export function NameForm({
  label,
  placeholder,
  error,
  pending,
  submitLabel,
  primary = false,
  onName,
  children,
}: {
  label: string;
  placeholder: string;
  error: string | null | undefined;
  pending: boolean;
  submitLabel: string;
  primary?: boolean;
  onName: (name: string) => void;
  /** Shown after the button, on the same row. */
  children?: ReactNode;
}) {
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    onName(String(new FormData(e.currentTarget).get("name") ?? ""));
  }
  return (
    <form className="row" onSubmit={submit} noValidate>
      <div className="field">
        <input name="name" placeholder={placeholder} aria-label={label} aria-invalid={!!error} />
        {error ? <span className="error">{error}</span> : null}
      </div>
      <button className={primary ? "btn btn-primary" : "btn"} type="submit" disabled={pending}>
        {submitLabel}
      </button>
      {children}
    </form>
  );
}
