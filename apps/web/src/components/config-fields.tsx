"use client";
/** The base run settings (data, network, training) shared by the run and sweep launch forms. */
import type { RouterOutputs } from "@actlab/api";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { isGeneratedChoice, isUploadChoice, uploadChoice } from "@/lib/dataset-choice";
import type { RunFormValues } from "@/lib/run-form";
import { useTRPC } from "@/trpc/client";

export type FieldErrors = Partial<Record<keyof RunFormValues | "_", string>>;

export function FieldRow({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span className="error" role="alert" data-testid={`error-${id}`}>
          {error}
        </span>
      ) : hint ? (
        <span className="hint">{hint}</span>
      ) : null}
    </div>
  );
}

export function ConfigFields({
  values,
  errors,
  options,
  onChange,
  hide = [],
}: {
  values: RunFormValues;
  errors: FieldErrors;
  options: RouterOutputs["meta"]["options"] | undefined;
  onChange: (key: keyof RunFormValues, value: string) => void;
  /** Fields a sweep varies on its own axes. */
  hide?: Array<keyof RunFormValues>;
}) {
  const shown = (k: keyof RunFormValues) => !hide.includes(k);
  const trpc = useTRPC();
  const uploads = useQuery(trpc.datasets.list.queryOptions({}));
  const text = (key: keyof RunFormValues, inputMode: "decimal" | "numeric" | "text" = "decimal") => (
    <input
      id={key}
      name={key}
      value={values[key]}
      onChange={(e) => onChange(key, e.target.value)}
      inputMode={inputMode}
      aria-invalid={!!errors[key]}
    />
  );
  const select = (key: keyof RunFormValues, items: Array<{ value: string; label: string }>) => (
    <select
      id={key}
      name={key}
      value={values[key]}
      onChange={(e) => onChange(key, e.target.value)}
      aria-invalid={!!errors[key]}
    >
      {items.map((i) => (
        <option key={i.value} value={i.value}>
          {i.label}
        </option>
      ))}
    </select>
  );
  const generated = isGeneratedChoice(values.dataset);
  const activation = options?.activations.find((a) => a.name === values.activation);
  const plain = (xs: string[] | undefined, fallback: string) =>
    (xs ?? [fallback]).map((x) => ({ value: x, label: x }));
  return (
    <>
      <section className="panel">
        <h2>Data</h2>
        <div className="form-section">
          <FieldRow
            id="dataset"
            label="Dataset"
            error={errors.dataset}
            hint={
              generated
                ? "2-D, generated from its own seed"
                : isUploadChoice(values.dataset)
                  ? "your upload, by its content hash: inputs and classes follow the data"
                  : "a shipped table: inputs and classes follow the data"
            }
          >
            {select("dataset", [
              ...plain(options?.generatedDatasets, values.dataset),
              ...(options?.builtinDatasets ?? []).map((x) => ({ value: x, label: x })),
              ...(uploads.data ?? []).map((d) => ({
                value: uploadChoice(d.hash),
                label: `${d.name} v${d.version} (upload, ${d.rows.toLocaleString("en")} rows)`,
              })),
            ])}
          </FieldRow>
          {generated ? (
            <>
              <FieldRow id="samples" label="Samples" error={errors.samples} hint="20 – 100,000">
                {text("samples", "numeric")}
              </FieldRow>
              <FieldRow id="noise" label="Noise" error={errors.noise} hint="0 – 1">
                {text("noise")}
              </FieldRow>
            </>
          ) : null}
        </div>
      </section>
      {shown("hiddenLayers") || shown("activation") ? (
        <section className="panel">
          <h2>Network</h2>
          <div className="form-section">
            {shown("hiddenLayers") ? (
              <FieldRow
                id="hiddenLayers"
                label="Hidden layers"
                error={errors.hiddenLayers}
                hint="units per layer, e.g. 16, 16"
              >
                {text("hiddenLayers", "text")}
              </FieldRow>
            ) : null}
            {shown("activation") ? (
              <FieldRow
                id="activation"
                label="Activation"
                error={errors.activation}
                hint={activation?.tradeoff}
              >
                {select(
                  "activation",
                  (options?.activations ?? [{ name: values.activation, label: values.activation }]).map(
                    (a) => ({ value: a.name, label: a.label }),
                  ),
                )}
              </FieldRow>
            ) : null}
          </div>
        </section>
      ) : null}
      <section className="panel">
        <h2>Training</h2>
        <div className="form-section">
          {shown("optimizer") ? (
            <FieldRow id="optimizer" label="Optimizer" error={errors.optimizer}>
              {select("optimizer", plain(options?.optimizers, values.optimizer))}
            </FieldRow>
          ) : null}
          {shown("lr") ? (
            <FieldRow id="lr" label="Learning rate" error={errors.lr}>
              {text("lr")}
            </FieldRow>
          ) : null}
          <FieldRow id="batchSize" label="Batch size" error={errors.batchSize}>
            {text("batchSize", "numeric")}
          </FieldRow>
          <FieldRow
            id="epochs"
            label="Epochs"
            error={errors.epochs}
            hint={`at most ${options?.limits.maxEpochs ?? 1000}`}
          >
            {text("epochs", "numeric")}
          </FieldRow>
          <FieldRow
            id="seed"
            label={hide.length ? "First seed" : "Seed"}
            error={errors.seed}
            hint="same seed, same result"
          >
            {text("seed", "numeric")}
          </FieldRow>
        </div>
      </section>
    </>
  );
}
