import { SettingsNav } from "@/components/account/settings-nav";
import { TokensSettings } from "@/components/account/tokens-settings";

export default function TokensPage() {
  return (
    <main className="page">
      <SettingsNav active="tokens" />
      <TokensSettings />
    </main>
  );
}
