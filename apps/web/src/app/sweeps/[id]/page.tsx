import { SweepView } from "@/components/sweep-view";

export default async function SweepPage({ params }: { params: Promise<{ id: string }> }) {
  return (
    <main className="page">
      <SweepView sweepId={(await params).id} />
    </main>
  );
}
