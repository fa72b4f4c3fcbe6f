import { RunView } from "@/components/run-view";

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  return (
    <main className="page">
      <RunView runId={(await params).id} />
    </main>
  );
}
