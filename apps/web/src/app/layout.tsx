import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import "uplot/dist/uPlot.min.css";
import "./globals.css";
import { RoleProvider } from "@/components/account/role-context";
import { UserMenu } from "@/components/account/user-menu";
import { ThemeToggle } from "@/components/theme-toggle";
import { pageViewer, viewerRole } from "@/server/session";
import { ApiProvider } from "@/trpc/client";

export const metadata: Metadata = {
  title: "Actlab",
  description: "Train networks and find out which activation function they should use, with evidence.",
};

const NAV = [
  ["/", "Runs"],
  ["/sweeps", "Sweeps"],
  ["/lab", "Lab"],
  ["/datasets", "Datasets"],
  ["/compare", "Compare"],
  ["/views", "Views"],
  ["/queue", "Queue"],
  ["/activations", "Activations"],
  ["/activity", "Activity"],
] as const;

// Sets the theme before first paint so a dark-mode user never sees a light flash.
const themeScript = `try{var t=localStorage.getItem("actlab-theme")||(matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light");document.documentElement.dataset.theme=t}catch(e){}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await pageViewer();
  const nonce = (await headers()).get("x-nonce") ?? undefined; // set by src/proxy.ts with the CSP
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant inline script, no user input */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        {/* Top-bar links do not prefetch: every page is dynamic, so prefetching all of them on each load
            only competes with the page being opened. */}
        <header className="topbar">
          <Link prefetch={false} href="/" className="brand">
            <span className="brand-mark" aria-hidden />
            Actlab
          </Link>
          <nav className="nav">
            {NAV.map(([href, label]) => (
              <Link key={href} prefetch={false} href={href}>
                {label}
              </Link>
            ))}
          </nav>
          <UserMenu />
          <ThemeToggle />
        </header>
        <ApiProvider>
          <RoleProvider role={viewerRole(viewer)}>{children}</RoleProvider>
        </ApiProvider>
      </body>
    </html>
  );
}
