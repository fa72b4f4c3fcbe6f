"use client";
/** The sweep launcher: a base config, the axes to vary, seeds, grid or random search, and a live run count. */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ConfigFields, FieldRow } from "@/components/config-fields";
import { HydratedFieldset } from "@/components/hydrated-fieldset";
import { fieldErrorsOf } from "@/lib/api-errors";
import {
  DEFAULT_SWEEP,
  previewRunCount,
  type SweepField,
  type SweepFormValues,
  sweepFieldForPath,
  sweepFormToSpec,
  validateSweepForm,
  withSweepDataset,
} from "@/lib/sweep-form";
import { useTRPC } from "@/trpc/client";

type TextField = "layers" | "seeds" | "lrs";

export function NewSweepForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const options = useQuery(trpc.meta.options.queryOptions());
  const [v, setV] = useState<SweepFormValues>(DEFAULT_SWEEP);
  const [errors, setErrors] = useState<Partial<Record<SweepField, string>>>({});
  const create = useMutation(
    trpc.sweeps.create.mutationOptions({
      onSuccess: ({ id }) => router.push(`/sweeps/${id}`),
      onError: (err) => setErrors(fieldErrorsOf(err, (p) => sweepFieldForPath(p.replace(/^spec\./, "")))),
    }),
  );
  const count = previewRunCount(v);
  const set = <K extends keyof SweepFormValues>(key: K, value: SweepFormValues[K]) =>
    setV((s) => ({ ...s, [key]: value }));
  const toggle = (key: "activations" | "optimizers", name: string) =>
    set(key, v[key].includes(name) ? v[key].filter((x) => x !== name) : [...v[key], name]);

  // A typed field of the sweep form with its error, or its hint while it has none.
  const textField = (key: TextField, label: string, opts: { hint?: string; numeric?: boolean } = {}) => (
    <FieldRow id={key} label={label} error={errors[key]} hint={opts.hint}>
      <input
        id={key}
        inputMode={opts.numeric ? "numeric" : undefined}
        value={v[key]}
        onChange={(e) => set(key, e.target.value)}
        aria-invalid={!!errors[key]}
      />
    </FieldRow>
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateSweepForm(v);
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate({ spec: sweepFormToSpec(v) });
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="new-sweep-form">
      <HydratedFieldset>
        {errors._ ? <div className="alert">{errors._}</div> : null}
        <section className="panel">
          <h2>What to compare</h2>
          <div className="field">
            <span className="label-strong">Activations</span>
            <div className="chips" data-testid="activation-choices">
              {(options.data?.activations ?? []).map((a) => (
                <label
                  key={a.name}
                  className={`chip ${v.activations.includes(a.name) ? "chip-on" : ""}`}
                  title={a.tradeoff}
                >
                  <input
                    type="checkbox"
                    checked={v.activations.includes(a.name)}
                    onChange={() => toggle("activations", a.name)}
                  />
                  {a.label}
                </label>
              ))}
            </div>
            {errors.activations ? <span className="error">{errors.activations}</span> : null}
          </div>
          <div className="form-section" style={{ marginTop: 14 }}>
            {textField("layers", "Hidden layers (variants)", {
              hint: "separate variants with ;   e.g. 16, 16; 32, 32",
            })}
            {textField("seeds", "Seeds per configuration", {
              hint: "spread over seeds makes the verdict honest",
              numeric: true,
            })}
            <FieldRow id="search" label="Search">
              <select
                id="search"
                value={v.search}
                onChange={(e) => set("search", e.target.value as "grid" | "random")}
              >
                <option value="grid">Grid: every combination</option>
                <option value="random">Random: sample a budget</option>
              </select>
            </FieldRow>
            {v.search === "grid" ? (
              textField("lrs", "Learning rates", { hint: "comma-separated, e.g. 0.1, 0.01" })
            ) : (
              <>
                <FieldRow id="budget" label="Configurations to sample" error={errors.budget}>
                  <input
                    id="budget"
                    inputMode="numeric"
                    value={v.budget}
                    onChange={(e) => set("budget", e.target.value)}
                  />
                </FieldRow>
                <FieldRow id="lrMin" label="Learning rate range (log-uniform)" error={errors.lrRange}>
                  <div className="row" style={{ flexWrap: "nowrap" }}>
                    <input id="lrMin" value={v.lrMin} onChange={(e) => set("lrMin", e.target.value)} />
                    <span className="muted">to</span>
                    <input id="lrMax" value={v.lrMax} onChange={(e) => set("lrMax", e.target.value)} />
                  </div>
                </FieldRow>
              </>
            )}
            <FieldRow id="name" label="Name (optional)">
              <input
                id="name"
                value={v.name}
                onChange={(e) => set("name", e.target.value)}
                placeholder="e.g. activations on spirals"
              />
            </FieldRow>
          </div>
          <div className="field" style={{ marginTop: 14 }}>
            <span className="label-strong">Optimizers</span>
            <div className="chips">
              {(options.data?.optimizers ?? []).map((o) => (
                <label key={o} className={`chip ${v.optimizers.includes(o) ? "chip-on" : ""}`}>
                  <input
                    type="checkbox"
                    checked={v.optimizers.includes(o)}
                    onChange={() => toggle("optimizers", o)}
                  />
                  {o}
                </label>
              ))}
            </div>
            {errors.optimizers ? <span className="error">{errors.optimizers}</span> : null}
          </div>
        </section>
        <ConfigFields
          values={v.base}
          errors={errors}
          options={options.data}
          hide={["activation", "optimizer", "lr", "hiddenLayers"]}
          onChange={(key, value) =>
            setV((s) =>
              key === "dataset" ? withSweepDataset(s, value) : { ...s, base: { ...s.base, [key]: value } },
            )
          }
        />
        <div className="row">
          <button
            className="btn btn-primary"
            type="submit"
            disabled={create.isPending || count === 0}
            data-testid="launch-sweep"
          >
            {create.isPending
              ? "Launching…"
              : `Launch ${count.toLocaleString("en")} run${count === 1 ? "" : "s"}`}
          </button>
          {count > 100 ? (
            <label className="row" style={{ gap: 6 }}>
              <input
                type="checkbox"
                checked={v.confirmed}
                onChange={(e) => set("confirmed", e.target.checked)}
                data-testid="confirm"
                style={{ width: "auto" }}
              />
              Yes, launch {count.toLocaleString("en")} runs
            </label>
          ) : (
            <span className="muted">One job per run; workers train them in parallel.</span>
          )}
          {errors.confirmed ? <span className="error">{errors.confirmed}</span> : null}
        </div>
      </HydratedFieldset>
    </form>
  );
}
