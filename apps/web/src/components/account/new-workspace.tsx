"use client";
/** Creates a workspace (with its default project) owned by the caller, and switches to it. */
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTRPC } from "@/trpc/client";
import { pickWorkspace } from "./session-controls";

export function NewWorkspace() {
  const trpc = useTRPC();
  const create = useMutation(
    trpc.workspaces.create.mutationOptions({
      onSuccess(ws) {
        pickWorkspace(ws.id);
        window.location.assign("/");
      },
    }),
  );
  const nameError =
    create.error?.data?.fieldErrors?.name ??
    (create.error && !create.error.data?.fieldErrors ? create.error.message : null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    create.mutate({ name: String(new FormData(e.currentTarget).get("name") ?? "") });
  }

  return (
    <section className="panel">
      <h2>New workspace</h2>
      <form className="row" onSubmit={submit} noValidate>
        <div className="field">
          <input
            name="name"
            placeholder="e.g. Vision team"
            aria-label="Workspace name"
            aria-invalid={!!nameError}
          />
          {nameError ? <span className="error">{nameError}</span> : null}
        </div>
        <button className="btn" type="submit" disabled={create.isPending}>
          Create workspace
        </button>
        <span className="muted">You become its owner; switch between workspaces in the top bar.</span>
      </form>
    </section>
  );
}
