"use client";
/**
 * A table's or an upload's first rows from datasets.preview: image sets as a grid of pictures, anything
 * else as a table (fetched only once opened, so the page does not ask for every table at once).
 */
import type { RouterInputs, RouterOutputs } from "@actlab/api";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/trpc/client";
import styles from "./datasets.module.css";

type Which = RouterInputs["datasets"]["preview"];
type Preview = RouterOutputs["datasets"]["preview"];

const SHOWN_COLUMNS = 8;

function RowsTable({ preview }: { preview: Preview }) {
  const columns = preview.featureNames.slice(0, SHOWN_COLUMNS);
  const more = preview.featureNames.length - columns.length;
  return (
    <div className={styles.previewBox}>
      <table className={styles.preview} data-testid="dataset-rows">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
            {more > 0 ? <th className="muted">+{more}</th> : null}
            <th className={styles.labelColumn}>class</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the data's first rows, in order
            <tr key={i}>
              {columns.map((c, j) => (
                <td key={c}>{Number((r.values[j] ?? 0).toPrecision(4))}</td>
              ))}
              {more > 0 ? <td className="muted">…</td> : null}
              <td className={styles.labelColumn}>{r.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ImageGrid({ preview, width, height }: { preview: Preview; width: number; height: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const perRow = 10;
  useEffect(() => {
    const ctx = canvas.current?.getContext("2d");
    if (!ctx) return;
    const image = ctx.createImageData(perRow * width, Math.ceil(preview.rows.length / perRow) * height);
    preview.rows.forEach((row, n) => {
      const [ox, oy] = [(n % perRow) * width, Math.floor(n / perRow) * height];
      row.values.forEach((v, p) => {
        const at = 4 * ((oy + Math.floor(p / width)) * image.width + ox + (p % width));
        const ink = 255 - Math.round(255 * v);
        image.data.set([ink, ink, ink, 255], at);
      });
    });
    ctx.putImageData(image, 0, 0);
  }, [preview, width, height]);
  return (
    <div className={styles.images}>
      <canvas
        ref={canvas}
        width={perRow * width}
        height={Math.ceil(preview.rows.length / perRow) * height}
        className={styles.imageGrid}
        data-testid="dataset-images"
        aria-label={`the first ${preview.rows.length} images`}
      />
      <span className="muted">classes: {preview.rows.map((r) => r.label).join(" · ")}</span>
    </div>
  );
}

function PreviewBody({ which }: { which: Which }) {
  const trpc = useTRPC();
  const preview = useQuery(trpc.datasets.preview.queryOptions(which, { staleTime: Infinity }));
  if (preview.isError) return <div className="alert">{preview.error.message}</div>;
  if (!preview.data) return <div className="skeleton" style={{ height: 80 }} />;
  const { image } = preview.data;
  return image ? (
    <ImageGrid preview={preview.data} width={image.width} height={image.height} />
  ) : (
    <RowsTable preview={preview.data} />
  );
}

/** Image sets are drawn straight away (the grid is the point); tables wait until opened. */
export function DatasetPreview({ which, images = false }: { which: Which; images?: boolean }) {
  const [open, setOpen] = useState(images);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className={styles.versions}>
      <summary>{images ? "First images" : "First rows"}</summary>
      {open ? <PreviewBody which={which} /> : null}
    </details>
  );
}
