"use client";
/** Light/dark switch; the choice is remembered in localStorage. */
import { useEffect, useState } from "react";

export function ThemeToggle() {
  const [theme, setTheme] = useState<string | null>(null);
  useEffect(() => setTheme(document.documentElement.dataset.theme ?? "light"), []);
  const toggle = () => {
    const next = theme === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    localStorage.setItem("actlab-theme", next);
    setTheme(next);
    window.dispatchEvent(new Event("actlab-theme"));
  };
  return (
    <button type="button" className="btn" onClick={toggle} aria-label="Toggle dark mode">
      {theme === "dark" ? "☀ Light" : "☾ Dark"}
    </button>
  );
}
