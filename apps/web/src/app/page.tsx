import { RunsTable } from "@/components/runs-table";

export default function HomePage() {
  return (
    <main className="page">
      <RunsTable />
    </main>
  );
}
