"use client";
/** A run's or sweep's free-text notes: everyone reads them; editors edit inline and save. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCanEdit } from "@/components/account/role-context";
import { useTRPC } from "@/trpc/client";
import styles from "./collaboration.module.css";

export function NotesEditor(target: { targetKind: "run" | "sweep"; targetId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = useCanEdit();
  const options = trpc.notes.get.queryOptions(target);
  const notes = useQuery({ ...options, refetchOnWindowFocus: true });
  const save = useMutation(
    trpc.notes.set.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: options.queryKey }),
    }),
  );
  const [draft, setDraft] = useState<string | null>(null);
  const text = notes.data?.notes ?? "";

  return (
    <div className={styles.notes} data-testid="notes">
      <h3>Notes</h3>
      {draft === null ? (
        <>
          {/* Plain text in a <p> with pre-wrap: React escapes it, so notes can never carry markup. */}
          <p className={styles.notesText} data-testid="notes-text">
            {text || <span className="muted">No notes yet.</span>}
          </p>
          {canEdit ? (
            <button type="button" className="btn" onClick={() => setDraft(text)} data-testid="notes-edit">
              {text ? "Edit notes" : "Add notes"}
            </button>
          ) : null}
        </>
      ) : (
        <>
          <textarea
            className={styles.textarea}
            value={draft}
            rows={4}
            maxLength={20_000}
            onChange={(e) => setDraft(e.target.value)}
            data-testid="notes-input"
          />
          <div className="row">
            <button
              type="button"
              className="btn btn-primary"
              disabled={save.isPending}
              data-testid="notes-save"
              onClick={async () => {
                await save.mutateAsync({ ...target, notes: draft });
                setDraft(null);
              }}
            >
              Save notes
            </button>
            <button type="button" className="btn" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </>
      )}
      {save.error ? <div className="alert">{save.error.message}</div> : null}
    </div>
  );
}
