"use client";
/** A run's tags: chips for everyone; editors add (picking a project tag or naming a new one) and remove. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCanEdit } from "@/components/account/role-context";
import { useTRPC } from "@/trpc/client";
import styles from "./collaboration.module.css";
import { TagChips } from "./tag-chips";

const PALETTE = ["#6366f1", "#22c55e", "#f97316", "#ef4444", "#0ea5e9", "#a855f7", "#eab308"];

export function TagEditor({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = useCanEdit();
  const runTags = useQuery(trpc.tags.forRun.queryOptions({ runId }));
  const projectTags = useQuery({ ...trpc.tags.list.queryOptions({}), enabled: canEdit });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.tags.forRun.queryKey({ runId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.tags.list.queryKey() });
  };
  const add = useMutation(trpc.tags.add.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.tags.remove.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState("");
  const [color, setColor] = useState(PALETTE[0] as string);
  const error = add.error ?? remove.error;

  return (
    <div className={styles.tags} data-testid="tags">
      <TagChips
        tags={runTags.data ?? []}
        onRemove={canEdit ? (t) => t.id && remove.mutate({ runId, tagId: t.id }) : undefined}
      />
      {canEdit ? (
        <form
          className={styles.tagForm}
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            add.mutate({ runId, name: name.trim(), color }, { onSuccess: () => setName("") });
          }}
        >
          <input
            className={styles.tagInput}
            list={`tags-${runId}`}
            value={name}
            placeholder="Add a tag"
            aria-label="Tag name"
            maxLength={40}
            onChange={(e) => setName(e.target.value)}
            data-testid="tag-input"
          />
          <datalist id={`tags-${runId}`}>
            {(projectTags.data ?? []).map((t) => (
              <option key={t.id} value={t.name} />
            ))}
          </datalist>
          <select aria-label="Tag colour" value={color} onChange={(e) => setColor(e.target.value)}>
            {PALETTE.map((c) => (
              <option key={c} value={c} style={{ color: c }}>
                ● {c}
              </option>
            ))}
          </select>
          <button type="submit" className="btn" disabled={add.isPending || !name.trim()}>
            Tag
          </button>
        </form>
      ) : null}
      {error ? <div className="alert">{error.message}</div> : null}
    </div>
  );
}
