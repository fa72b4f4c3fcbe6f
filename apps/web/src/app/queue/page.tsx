import { QueuePage } from "@/components/queue-page";

export default function Page() {
  return (
    <main className="page">
      <QueuePage />
    </main>
  );
}
