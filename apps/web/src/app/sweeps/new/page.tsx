import { NewSweepForm } from "@/components/new-sweep-form";
import { PageShell } from "@/components/page-shell";

export default function NewSweepPage() {
  return (
    <PageShell
      title="New sweep"
      sub="Compare activation functions (and anything else) over several seeds, in one launch."
      editorsOnly
    >
      <NewSweepForm />
    </PageShell>
  );
}
