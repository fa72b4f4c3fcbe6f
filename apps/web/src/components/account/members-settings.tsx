"use client";
/** /settings/members: everyone sees the members; owners invite, change roles and remove. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { TableHead } from "@/components/table-head";
import { useTRPC } from "@/trpc/client";
import styles from "./account.module.css";

const ROLES = ["VIEWER", "EDITOR", "OWNER"] as const;
type Role = (typeof ROLES)[number];

// An owner gets one more, untitled column: the Remove buttons.
const MEMBER_COLUMNS = ["Name", "Email", "Role"];

export function MembersSettings() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const members = useQuery(trpc.workspaces.members.queryOptions({}));
  const isOwner = members.data?.myRole === "OWNER";
  const invites = useQuery({ ...trpc.workspaces.invites.queryOptions({}), enabled: isOwner });
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.workspaces.pathKey() });
  const setRole = useMutation(trpc.workspaces.setRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.workspaces.removeMember.mutationOptions({ onSuccess: refresh }));
  const [inviteRole, setInviteRole] = useState<Role>("VIEWER");
  const [link, setLink] = useState<string | null>(null);
  const invite = useMutation(
    trpc.workspaces.createInvite.mutationOptions({
      onSuccess(r) {
        setLink(`${window.location.origin}${r.path}`);
        refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.workspaces.revokeInvite.mutationOptions({ onSuccess: refresh }));
  const error = members.error ?? setRole.error ?? remove.error ?? invite.error ?? revoke.error;

  return (
    <div className="stack" style={{ display: "grid", gap: 16 }}>
      {error ? <div className="alert">{error.message}</div> : null}
      <section className="panel">
        <h2>Members</h2>
        <table className="table" data-testid="members">
          <TableHead columns={isOwner ? [...MEMBER_COLUMNS, ""] : MEMBER_COLUMNS} />
          <tbody>
            {members.data?.members.map((m) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td className="muted">{m.email}</td>
                <td>
                  {isOwner ? (
                    <select
                      aria-label={`Role of ${m.name}`}
                      value={m.role}
                      onChange={(e) => setRole.mutate({ userId: m.userId, role: e.target.value as Role })}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r.toLowerCase()}
                        </option>
                      ))}
                    </select>
                  ) : (
                    m.role.toLowerCase()
                  )}
                </td>
                {isOwner ? (
                  <td>
                    <button className="btn" type="button" onClick={() => remove.mutate({ userId: m.userId })}>
                      Remove
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {isOwner ? (
        <section className="panel">
          <h2>Invite someone</h2>
          <div className="row">
            <label className="row" style={{ gap: 6 }}>
              Role
              <select
                aria-label="Invite role"
                value={inviteRole}
                onChange={(e) => setInviteRole(e.target.value as Role)}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r.toLowerCase()}
                  </option>
                ))}
              </select>
            </label>
            <button
              className="btn btn-primary"
              type="button"
              onClick={() => invite.mutate({ role: inviteRole })}
            >
              Create invite link
            </button>
            <span className="muted">Single use, valid for 3 days.</span>
          </div>
          {link ? (
            <div style={{ marginTop: 12 }}>
              <p className="muted" style={{ margin: "0 0 6px" }}>
                Send this link; it is shown only now.
              </p>
              <div className={styles.secret} data-testid="invite-link">
                {link}
              </div>
            </div>
          ) : null}
          {invites.data && invites.data.length > 0 ? (
            <table className="table" style={{ marginTop: 12 }}>
              <TableHead columns={["Open invite", "Expires", ""]} />
              <tbody>
                {invites.data.map((i) => (
                  <tr key={i.id}>
                    <td>{i.role.toLowerCase()}</td>
                    <td className="muted">{new Date(i.expiresAt).toLocaleString("en")}</td>
                    <td>
                      <button className="btn" type="button" onClick={() => revoke.mutate({ inviteId: i.id })}>
                        Revoke
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
