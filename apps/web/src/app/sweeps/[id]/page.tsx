import { SweepView } from "@/components/sweep-view";

export default async function SweepPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main className="page">
      <SweepView sweepId={id} />
    </main>
  );
}
