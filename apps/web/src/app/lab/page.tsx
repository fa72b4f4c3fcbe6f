import { LabPage } from "@/components/lab/lab-page";

export default function Page() {
  return (
    <main className="page">
      <LabPage />
    </main>
  );
}
