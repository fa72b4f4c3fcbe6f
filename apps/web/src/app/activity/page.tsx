import { ActivityFeed } from "@/components/collaboration/activity-feed";

export default function ActivityPage() {
  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1>Activity</h1>
          <p className="sub">
            Who launched, canceled, retried, commented, tagged and starred what in this project.
          </p>
        </div>
      </div>
      <ActivityFeed />
    </main>
  );
}
