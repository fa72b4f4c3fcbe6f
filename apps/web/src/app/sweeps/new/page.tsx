import { EditorsOnlyPage } from "@/components/account/viewer-notice";
import { NewSweepForm } from "@/components/new-sweep-form";

export default function NewSweepPage() {
  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1>New sweep</h1>
          <p className="sub">
            Compare activation functions (and anything else) over several seeds, in one launch.
          </p>
        </div>
      </div>
      <EditorsOnlyPage>
        <NewSweepForm />
      </EditorsOnlyPage>
    </main>
  );
}
