import { RunView } from "@/components/run-view";

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main className="page">
      <RunView runId={id} />
    </main>
  );
}
