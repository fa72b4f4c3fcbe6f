import { PageShell } from "@/components/page-shell";
import { ViewsList } from "@/components/views/views-list";

export default function ViewsPage() {
  return (
    <PageShell
      title="Saved views"
      sub="Comparisons saved with a report, readable by everyone in the workspace."
    >
      <ViewsList />
    </PageShell>
  );
}
