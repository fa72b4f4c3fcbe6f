/** The sign-in and sign-up pages: a signed-in visitor goes on to `next`; in local mode the form explains it. */
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

export async function AuthPage({ mode, next }: { mode: "sign-in" | "sign-up"; next: string | undefined }) {
  const viewer = await pageViewer();
  if (viewer.user && !viewer.localMode) redirect(safeNext(next));
  const local = await serverState().requestAuth.isLocalMode();
  return (
    <main className="page">
      <AuthForm mode={mode} next={next ?? null} note={local ? LOCAL_MODE_NOTES[mode] : undefined} />
    </main>
  );
}
