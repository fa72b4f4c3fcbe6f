"use client";
/**
 * "Save view" on the compare page: a small form (title, markdown text) that stores the current compare
 * state as a saved view of the project and opens it. Editors and owners only; the API enforces it too.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useCanEdit } from "@/components/account/role-context";
import { useTRPC } from "@/trpc/client";
import styles from "./views.module.css";

export function SaveViewButton({ state }: { state: string }) {
  const [open, setOpen] = useState(false);
  if (!useCanEdit()) return null;
  return (
    <div className={styles.anchor}>
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
      >
        Save view
      </button>
      {open ? <SaveViewForm state={state} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

function SaveViewForm({ state, onClose }: { state: string; onClose(): void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const create = useMutation(
    trpc.views.create.mutationOptions({
      onSuccess: async (view) => {
        await queryClient.invalidateQueries({ queryKey: trpc.views.list.queryKey() });
        router.push(`/views/${view.id}`);
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim()) create.mutate({ title, body, state });
  };
  const fieldError = (name: string) => create.error?.data?.fieldErrors?.[name] ?? null;
  return (
    <form className={`panel ${styles.popover}`} onSubmit={submit} data-testid="save-view-form">
      <div className="field">
        <label htmlFor="view-title">Title</label>
        <input
          id="view-title"
          value={title}
          maxLength={120}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="GELU vs ReLU on moons"
          required
        />
        {fieldError("title") ? <span className="error">{fieldError("title")}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="view-body">Report (markdown)</label>
        <textarea
          id="view-body"
          rows={6}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          placeholder="What this comparison shows…"
        />
        <span className="hint">Rendered sanitised; shown above the chart.</span>
      </div>
      {create.error && !create.error.data?.fieldErrors ? (
        <div className="alert">{create.error.message}</div>
      ) : null}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={!title.trim() || create.isPending}>
          {create.isPending ? "Saving…" : "Save"}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
