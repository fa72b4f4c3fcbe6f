import { AuthPage } from "@/components/account/auth-page";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  return <AuthPage mode="sign-in" next={(await searchParams).next} />;
}
