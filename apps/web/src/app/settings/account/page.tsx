import Link from "next/link";
import { PasswordSettings } from "@/components/account/password-settings";
import { SettingsNav } from "@/components/account/settings-nav";
import { pageViewer } from "@/server/session";

export default async function AccountPage() {
  const viewer = await pageViewer();
  return (
    <main className="page">
      <SettingsNav active="account" />
      {viewer.localMode ? (
        <div className="panel empty" data-testid="local-mode-account">
          <h2>No account yet</h2>
          <p>
            In local mode nobody signs in, so there is no password to change.{" "}
            <Link href="/sign-up">Create the first account</Link> to own this Actlab.
          </p>
        </div>
      ) : (
        <PasswordSettings />
      )}
    </main>
  );
}
