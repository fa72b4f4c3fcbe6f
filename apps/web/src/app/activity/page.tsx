import { ActivityFeed } from "@/components/collaboration/activity-feed";
import { PageShell } from "@/components/page-shell";

export default function ActivityPage() {
  return (
    <PageShell
      title="Activity"
      sub="Who launched, canceled, retried, commented, tagged and starred what in this project."
    >
      <ActivityFeed />
    </PageShell>
  );
}
