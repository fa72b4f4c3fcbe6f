"use client";
/** The launch form: validated in the browser and again by the API, with a message under each bad field. */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";
import { DEFAULT_FORM, fieldForPath, formToConfig, type RunFormValues, validateForm } from "@/lib/run-form";
import { useTRPC } from "@/trpc/client";

type Errors = Partial<Record<keyof RunFormValues | "_", string>>;

export function NewRunForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const options = useQuery(trpc.meta.options.queryOptions());
  const [values, setValues] = useState<RunFormValues>(DEFAULT_FORM);
  const [errors, setErrors] = useState<Errors>({});
  const create = useMutation(
    trpc.runs.create.mutationOptions({
      onSuccess: ({ id }) => router.push(`/runs/${id}`),
      onError: (err) => {
        const fieldErrors = (err.data as { fieldErrors?: Record<string, string> | null } | undefined)
          ?.fieldErrors;
        const next: Errors = {};
        for (const [path, message] of Object.entries(fieldErrors ?? {})) {
          next[fieldForPath(path.replace(/^config\./, "")) ?? "_"] = message;
        }
        if (Object.keys(next).length === 0) next._ = err.message;
        setErrors(next);
      },
    }),
  );

  const set = (key: keyof RunFormValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateForm(values);
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate({ config: formToConfig(values) });
  };

  const activation = options.data?.activations.find((a) => a.name === values.activation);
  const field = (key: keyof RunFormValues, label: string, input: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={key}>{label}</label>
      {input}
      {errors[key] ? (
        <span className="error" role="alert" data-testid={`error-${key}`}>
          {errors[key]}
        </span>
      ) : hint ? (
        <span className="hint">{hint}</span>
      ) : null}
    </div>
  );
  const text = (key: keyof RunFormValues, inputMode: "decimal" | "numeric" | "text" = "decimal") => (
    <input
      id={key}
      name={key}
      value={values[key]}
      onChange={set(key)}
      inputMode={inputMode}
      aria-invalid={!!errors[key]}
    />
  );

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="new-run-form">
      {errors._ ? <div className="alert">{errors._}</div> : null}
      <section className="panel">
        <h2>Data</h2>
        <div className="form-section">
          {field(
            "dataset",
            "Dataset",
            <select
              id="dataset"
              name="dataset"
              value={values.dataset}
              onChange={set("dataset")}
              aria-invalid={!!errors.dataset}
            >
              {(options.data?.generatedDatasets ?? [values.dataset]).map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>,
            "2-D, generated from its own seed",
          )}
          {field("samples", "Samples", text("samples", "numeric"), "20 – 100,000")}
          {field("noise", "Noise", text("noise"), "0 – 1")}
        </div>
      </section>
      <section className="panel">
        <h2>Network</h2>
        <div className="form-section">
          {field(
            "hiddenLayers",
            "Hidden layers",
            text("hiddenLayers", "text"),
            "units per layer, e.g. 16, 16",
          )}
          {field(
            "activation",
            "Activation",
            <select
              id="activation"
              name="activation"
              value={values.activation}
              onChange={set("activation")}
              aria-invalid={!!errors.activation}
            >
              {(options.data?.activations ?? [{ name: values.activation, label: values.activation }]).map(
                (a) => (
                  <option key={a.name} value={a.name}>
                    {a.label}
                  </option>
                ),
              )}
            </select>,
            activation?.tradeoff,
          )}
        </div>
      </section>
      <section className="panel">
        <h2>Training</h2>
        <div className="form-section">
          {field(
            "optimizer",
            "Optimizer",
            <select id="optimizer" name="optimizer" value={values.optimizer} onChange={set("optimizer")}>
              {(options.data?.optimizers ?? [values.optimizer]).map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>,
          )}
          {field("lr", "Learning rate", text("lr"))}
          {field("batchSize", "Batch size", text("batchSize", "numeric"))}
          {field(
            "epochs",
            "Epochs",
            text("epochs", "numeric"),
            `at most ${options.data?.limits.maxEpochs ?? 1000}`,
          )}
          {field("seed", "Seed", text("seed", "numeric"), "same seed, same result")}
        </div>
      </section>
      <div className="row">
        <button className="btn btn-primary" type="submit" disabled={create.isPending} data-testid="launch">
          {create.isPending ? "Launching…" : "Launch run"}
        </button>
        <span className="muted">The run is queued and trained by a background worker.</span>
      </div>
    </form>
  );
}
