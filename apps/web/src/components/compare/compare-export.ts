/** Exports of a comparison: the plotted data as CSV or JSON, the chart as SVG (PNG comes from the canvas). */
import type { Line } from "./compare-model";

export function linesToCsv(lines: Line[], xLabel: string): string {
  const rows = [`line,group,kind,${xLabel},value,band_lo,band_hi`];
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const l of lines) {
    l.x.forEach((x, i) => {
      const v = l.y[i];
      if (v === null || v === undefined) return;
      rows.push([q(l.label), q(l.group), l.kind, x, v, l.lo?.[i] ?? "", l.hi?.[i] ?? ""].join(","));
    });
  }
  return `${rows.join("\n")}\n`;
}

export function linesToJson(lines: Line[], meta: Record<string, unknown>): string {
  return JSON.stringify({
    ...meta,
    lines: lines.map((l) => ({
      label: l.label,
      group: l.group,
      kind: l.kind,
      x: l.x,
      y: l.y,
      lo: l.lo,
      hi: l.hi,
    })),
  });
}

/** A standalone SVG of the lines and bands (vector, for papers and slides). */
export function linesToSvg(
  lines: Line[],
  opts: { width: number; height: number; logY: boolean; title: string },
): string {
  // The legend: one entry per drawn group or run (not the faint seed members or raw ghosts), on the right.
  const legend = lines.filter((l) => l.kind === "mean" || l.kind === "run").slice(0, 24);
  const pad = { l: 56, r: legend.length > 0 ? 170 : 16, t: 28, b: 32 };
  const xs = lines.flatMap((l) => l.x.filter(Number.isFinite));
  const fy = (v: number) => (opts.logY ? Math.log10(v) : v);
  const ys = lines
    .flatMap((l) => [...l.y, ...(l.lo ?? []), ...(l.hi ?? [])])
    .filter((v): v is number => v !== null && Number.isFinite(v) && (!opts.logY || v > 0))
    .map(fy);
  if (xs.length === 0 || ys.length === 0)
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${opts.width}" height="${opts.height}"/>`;
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const sx = (x: number) => pad.l + ((x - x0) / (x1 - x0 || 1)) * (opts.width - pad.l - pad.r);
  const sy = (y: number) =>
    opts.height - pad.b - ((fy(y) - y0) / (y1 - y0 || 1)) * (opts.height - pad.t - pad.b);
  const path = (x: number[], y: (number | null)[]) => {
    let d = "";
    let pen = false;
    x.forEach((xv, i) => {
      const v = y[i];
      if (v === null || v === undefined || !Number.isFinite(v) || (opts.logY && v <= 0)) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${sx(xv).toFixed(1)},${sy(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const body = lines
    .map((l) => {
      const opacity = l.kind === "member" || l.kind === "raw" ? 0.3 : 1;
      const band =
        l.lo && l.hi
          ? `<path d="${path(l.x, l.hi)}${path([...l.x].reverse(), [...l.lo].reverse()).replace(/^M/, "L")}Z" fill="${l.color}" fill-opacity="0.15" stroke="none"/>`
          : "";
      return `${band}<path d="${path(l.x, l.y)}" fill="none" stroke="${l.color}" stroke-opacity="${opacity}" stroke-width="${l.kind === "mean" ? 2.5 : 1.5}"><title>${esc(l.label)}</title></path>`;
    })
    .join("");
  const label = (v: number) => (opts.logY ? 10 ** v : v).toPrecision(3);
  const legendX = opts.width - pad.r + 12;
  const key = legend
    .map(
      (l, i) =>
        `<rect x="${legendX}" y="${pad.t + i * 16}" width="10" height="10" fill="${l.color}"/><text x="${legendX + 16}" y="${pad.t + i * 16 + 9}">${esc(l.label.length > 24 ? `${l.label.slice(0, 23)}…` : l.label)}</text>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${opts.width}" height="${opts.height}" font-family="sans-serif" font-size="11"><rect width="100%" height="100%" fill="white"/><text x="${pad.l}" y="16" font-size="13">${esc(opts.title)}</text><line x1="${pad.l}" y1="${opts.height - pad.b}" x2="${opts.width - pad.r}" y2="${opts.height - pad.b}" stroke="#999"/><line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${opts.height - pad.b}" stroke="#999"/><text x="${pad.l - 6}" y="${pad.t + 4}" text-anchor="end">${label(y1)}</text><text x="${pad.l - 6}" y="${opts.height - pad.b}" text-anchor="end">${label(y0)}</text><text x="${pad.l}" y="${opts.height - 12}">${x0.toPrecision(4)}</text><text x="${opts.width - pad.r}" y="${opts.height - 12}" text-anchor="end">${x1.toPrecision(4)}</text>${body}${key}</svg>`;
}

/** The SVG drawn onto a canvas at twice its size: a PNG with the same title and legend as the SVG. */
export function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext("2d");
      if (!ctx) return reject(new Error("no 2-D canvas"));
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("the PNG could not be encoded"))), "image/png");
    };
    img.onerror = () => reject(new Error("the chart could not be drawn"));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}

export function download(name: string, content: string | Blob, type = "text/plain") {
  const blob = typeof content === "string" ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
