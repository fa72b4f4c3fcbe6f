"use client";
/**
 * The invite page: shows the workspace and role the link grants, and joins on one click; after a sign-up
 * through the link (which joined already) it only opens the workspace.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import styles from "./account.module.css";
import { pickWorkspace } from "./session-controls";

export function AcceptInvite({ token }: { token: string }) {
  const trpc = useTRPC();
  const info = useQuery(trpc.workspaces.describeInvite.queryOptions({ token }));
  const accept = useMutation(
    trpc.workspaces.acceptInvite.mutationOptions({
      onSuccess(result) {
        // Land in the workspace just joined.
        pickWorkspace(result.workspaceId);
        window.location.assign("/");
      },
    }),
  );
  const joined = info.data?.ok && info.data.joined ? info.data : null;
  return (
    <div className={`panel ${styles.authCard}`} data-testid="invite">
      <h1 style={{ margin: 0 }}>{joined ? `Welcome to ${joined.workspaceName}` : "Join a workspace"}</h1>
      {info.isPending ? <p className="muted">Checking the link…</p> : null}
      {info.error ? <div className="alert">{info.error.message}</div> : null}
      {info.data && !info.data.ok ? <div className="alert">{info.data.message}</div> : null}
      {joined ? (
        <>
          <p style={{ margin: 0 }}>
            You joined <strong>{joined.workspaceName}</strong> as <strong>{joined.role.toLowerCase()}</strong>{" "}
            with your new account.
          </p>
          <button
            className="btn btn-primary"
            type="button"
            onClick={() => {
              pickWorkspace(joined.workspaceId);
              window.location.assign("/");
            }}
          >
            Open the workspace
          </button>
        </>
      ) : info.data?.ok ? (
        <>
          <p style={{ margin: 0 }}>
            You are invited to <strong>{info.data.workspaceName}</strong> as{" "}
            <strong>{info.data.role.toLowerCase()}</strong>.
          </p>
          {accept.error ? <div className="alert">{accept.error.message}</div> : null}
          <button
            className="btn btn-primary"
            type="button"
            disabled={accept.isPending}
            onClick={() => accept.mutate({ token })}
          >
            {accept.isPending ? "Joining…" : "Accept invite"}
          </button>
        </>
      ) : null}
    </div>
  );
}
