import { ViewsList } from "@/components/views/views-list";

export default function ViewsPage() {
  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1>Saved views</h1>
          <p className="sub">Comparisons saved with a report, readable by everyone in the workspace.</p>
        </div>
      </div>
      <ViewsList />
    </main>
  );
}
