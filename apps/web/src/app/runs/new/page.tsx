import { NewRunForm } from "@/components/new-run-form";
import { PageShell } from "@/components/page-shell";

export default function NewRunPage() {
  return (
    <PageShell
      title="New run"
      sub="Train a small network on a 2-D dataset or a shipped table (up to MNIST) and watch it learn."
      editorsOnly
    >
      <NewRunForm />
    </PageShell>
  );
}
