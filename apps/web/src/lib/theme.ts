/** The current theme's colours, read from the CSS variables in globals.css (canvas charts cannot use var()). */
export const cssVar = (name: string): string =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim();
