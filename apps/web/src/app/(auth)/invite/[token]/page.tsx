import { AcceptInvite } from "@/components/account/accept-invite";

export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  return (
    <main className="page">
      <AcceptInvite token={(await params).token} />
    </main>
  );
}
