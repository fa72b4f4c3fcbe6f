import { Suspense } from "react";
import { ViewReport } from "@/components/views/view-report";

export default async function SavedViewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main className="page" style={{ maxWidth: 1400 }}>
      {/* The compare view reads the URL hooks even when its state comes from the saved view. */}
      <Suspense fallback={<div className="skeleton" style={{ height: 420 }} />}>
        <ViewReport viewId={id} />
      </Suspense>
    </main>
  );
}
