import { redirect } from "next/navigation";
import { AuthForm } from "@/components/account/auth-form";
import { safeNext } from "@/components/account/schemas";
import { serverState } from "@/server/deps";
import { pageViewer } from "@/server/session";

export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const viewer = await pageViewer();
  if (viewer.user && !viewer.localMode) redirect(safeNext(next));
  const local = await serverState().requestAuth.isLocalMode();
  return (
    <main className="page">
      <AuthForm
        mode="sign-up"
        next={next ?? null}
        note={
          local
            ? "The first account becomes the owner of this Actlab and keeps every run made so far. After that, everyone signs in."
            : undefined
        }
      />
    </main>
  );
}
