"use client";
/** /settings/tokens: personal API tokens for scripts, shown once at creation, revocable at any time. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { TableHead } from "@/components/table-head";
import { useTRPC } from "@/trpc/client";
import styles from "./account.module.css";
import { NameForm } from "./name-form";

export function TokensSettings() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.tokens.pathKey() });
  const [fresh, setFresh] = useState<string | null>(null);
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess(r) {
        setFresh(r.token);
        refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.tokens.revoke.mutationOptions({ onSuccess: refresh }));
  const nameError = create.error?.data?.fieldErrors?.name;

  return (
    <div style={{ display: "grid", gap: 16 }}>
      <section className="panel">
        <h2>New token</h2>
        <NameForm
          label="Token name"
          placeholder="e.g. nightly sweep script"
          error={nameError}
          pending={create.isPending}
          submitLabel="Create token"
          primary
          onName={(name) => create.mutate({ name })}
        />
        {fresh ? (
          <div style={{ marginTop: 12 }}>
            <p className="muted" style={{ margin: "0 0 6px" }}>
              Copy it now: it is not shown again. Send it as <code>Authorization: Bearer …</code>.
            </p>
            <div className={styles.secret} data-testid="new-token">
              {fresh}
            </div>
          </div>
        ) : null}
      </section>
      <section className="panel">
        <h2>Your tokens</h2>
        {revoke.error ? <div className="alert">{revoke.error.message}</div> : null}
        {tokens.data?.length === 0 ? <p className="muted">No tokens yet.</p> : null}
        {tokens.data && tokens.data.length > 0 ? (
          <table className="table" data-testid="tokens">
            <TableHead columns={["Name", "Starts with", "Created", "Last used", ""]} />
            <tbody>
              {tokens.data.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td className="muted">{new Date(t.createdAt).toLocaleString("en")}</td>
                  <td className="muted">
                    {t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString("en") : "never"}
                  </td>
                  <td>
                    {t.revokedAt ? (
                      <span className="muted">revoked</span>
                    ) : (
                      <button className="btn" type="button" onClick={() => revoke.mutate({ tokenId: t.id })}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
