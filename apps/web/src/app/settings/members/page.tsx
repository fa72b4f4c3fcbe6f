import { MembersSettings } from "@/components/account/members-settings";
import { NewWorkspace } from "@/components/account/new-workspace";
import { SettingsNav } from "@/components/account/settings-nav";

export default function MembersPage() {
  return (
    <main className="page">
      <SettingsNav active="members" />
      <MembersSettings />
      <div style={{ marginTop: 16 }}>
        <NewWorkspace />
      </div>
    </main>
  );
}
