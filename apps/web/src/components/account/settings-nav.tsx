/** The settings pages' heading and tabs. */
import Link from "next/link";

export function SettingsNav({ active }: { active: "members" | "tokens" | "account" }) {
  const tab = (key: typeof active, href: string, label: string) => (
    <Link
      href={href}
      className={`chip ${active === key ? "chip-on" : ""}`}
      aria-current={active === key ? "page" : undefined}
    >
      {label}
    </Link>
  );
  return (
    <div className="page-head">
      <div>
        <h1>Settings</h1>
        <div className="chips" style={{ marginTop: 8 }}>
          {tab("members", "/settings/members", "Members")}
          {tab("tokens", "/settings/tokens", "API tokens")}
          {tab("account", "/settings/account", "Account")}
        </div>
      </div>
    </div>
  );
}
