import { AuthPage } from "@/components/account/auth-page";

export const dynamic = "force-dynamic";

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; setup?: string }>;
}) {
  const { next, setup } = await searchParams;
  return <AuthPage mode="sign-up" next={next} setup={setup} />;
}
