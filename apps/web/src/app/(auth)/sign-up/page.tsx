import { AuthPage } from "@/components/account/auth-page";

export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  return <AuthPage mode="sign-up" next={(await searchParams).next} />;
}
