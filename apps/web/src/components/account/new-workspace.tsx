"use client";
/** Creates a workspace (with its default project) owned by the caller, and switches to it. */
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import { NameForm } from "./name-form";
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

  return (
    <section className="panel">
      <h2>New workspace</h2>
      <NameForm
        label="Workspace name"
        placeholder="e.g. Vision team"
        error={nameError}
        pending={create.isPending}
        submitLabel="Create workspace"
        onName={(name) => create.mutate({ name })}
      >
        <span className="muted">You become its owner; switch between workspaces in the top bar.</span>
      </NameForm>
    </section>
  );
}
