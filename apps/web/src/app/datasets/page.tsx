import { DatasetsPage } from "@/components/datasets/datasets-page";

export default function Page() {
  return (
    <main className="page">
      <DatasetsPage />
    </main>
  );
}
