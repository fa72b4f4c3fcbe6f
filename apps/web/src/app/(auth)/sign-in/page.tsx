import { redirect } from "next/navigation";
import { AuthForm } from "@/components/account/auth-form";
import { safeNext } from "@/components/account/schemas";
import { serverState } from "@/server/deps";
import { pageViewer } from "@/server/session";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const viewer = await pageViewer();
  if (viewer.user && !viewer.localMode) redirect(safeNext(next));
  const local = await serverState().requestAuth.isLocalMode();
  return (
    <main className="page">
      <AuthForm
        mode="sign-in"
        next={next ?? null}
        note={local ? "Nobody has an account yet: create the first one to own this Actlab." : undefined}
      />
    </main>
  );
}
