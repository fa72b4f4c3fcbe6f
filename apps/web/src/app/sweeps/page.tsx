import { SweepsPage } from "@/components/sweeps-page";

export default function Page() {
  return (
    <main className="page">
      <SweepsPage />
    </main>
  );
}
