import { EditorsOnlyPage } from "@/components/account/viewer-notice";
import { NewRunForm } from "@/components/new-run-form";

export default function NewRunPage() {
  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1>New run</h1>
          <p className="sub">
            Train a small network on a 2-D dataset or a shipped table (up to MNIST) and watch it learn.
          </p>
        </div>
      </div>
      <EditorsOnlyPage>
        <NewRunForm />
      </EditorsOnlyPage>
    </main>
  );
}
