"use client";
/**
 * The public link of a saved view, for its creator or an owner: create one (shown once, since only its
 * hash is stored) and revoke it. Creating a new link revokes the previous one.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/client";
import styles from "./views.module.css";

export function ShareControls({ viewId, shared }: { viewId: string; shared: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.views.get.queryKey({ viewId }) });
  const share = useMutation(
    trpc.views.share.mutationOptions({
      onSuccess: async ({ token }) => {
        setUrl(`${window.location.origin}/share/${encodeURIComponent(token)}`);
        await refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.views.revokeShare.mutationOptions({
      onSuccess: async () => {
        setUrl(null);
        await refresh();
      },
    }),
  );
  const error = share.error ?? revoke.error;
  return (
    <section className="panel grid" style={{ gap: 10 }} data-testid="share-controls">
      <h2>Public link</h2>
      <p className="muted">
        {shared
          ? "A read-only link to this report works for anyone who has it, signed in or not."
          : "Nobody outside the workspace can open this report."}
      </p>
      {url ? (
        <input
          className={styles.shareUrl}
          readOnly
          value={url}
          aria-label="Share link"
          data-testid="share-url"
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : null}
      {error ? <div className="alert">{error.message}</div> : null}
      <div className="row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={share.isPending}
          onClick={() => share.mutate({ viewId })}
        >
          {shared ? "Create a new link" : "Create share link"}
        </button>
        {shared ? (
          <button
            type="button"
            className="btn"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate({ viewId })}
          >
            Revoke link
          </button>
        ) : null}
      </div>
    </section>
  );
}
