/**
 * The sign-in and sign-up pages: a signed-in visitor goes on to `next`; in local mode the form explains it.
 * On an invite-only Actlab, sign-up without a working invite link says so instead of showing a form.
 */
import { INVITE_HEADER, SETUP_HEADER } from "@actlab/api";
import Link from "next/link";
import { redirect } from "next/navigation";
import { serverState } from "@/server/deps";
import { pageViewer } from "@/server/session";
import { AuthForm } from "./auth-form";
import { safeNext } from "./schemas";

const LOCAL_MODE_NOTES = {
  "sign-in": "Nobody has an account yet: create the first one to own this Actlab.",
  "sign-up":
    "The first account becomes the owner of this Actlab and keeps every run made so far. After that, everyone signs in.",
} as const;

export async function AuthPage({
  mode,
  next,
  setup,
}: {
  mode: "sign-in" | "sign-up";
  next: string | undefined;
  /** The setup link's token (a server opened to a network, before its first account). */
  setup?: string | undefined;
}) {
  const viewer = await pageViewer();
  if (viewer.user && !viewer.localMode) redirect(safeNext(next));
  const { requestAuth } = serverState();
  const local = await requestAuth.isLocalMode();
  // An invite link sends a new visitor here with next=/invite/<token>: the sign-up carries the token.
  const invite = safeNext(next).match(/^\/invite\/([\w-]+)$/)?.[1] ?? null;
  if (mode === "sign-up" && !(await requestAuth.maySignUp(invite))) {
    return (
      <main className="page">
        <div className="panel empty" data-testid="invite-only">
          <h2>New accounts need an invite</h2>
          <p>
            This Actlab takes new accounts through invite links only. Ask an owner of a workspace for one, or{" "}
            <Link href={`/sign-in${next ? `?next=${encodeURIComponent(next)}` : ""}`}>sign in</Link>.
          </p>
        </div>
      </main>
    );
  }
  return (
    <main className="page">
      <AuthForm
        mode={mode}
        next={next ?? null}
        note={local ? LOCAL_MODE_NOTES[mode] : undefined}
        headers={{
          ...(invite ? { [INVITE_HEADER]: invite } : {}),
          ...(setup ? { [SETUP_HEADER]: setup } : {}),
        }}
      />
    </main>
  );
}
