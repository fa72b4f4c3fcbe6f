"use client";
/** The launch form: validated in the browser and again by the API, with a message under each bad field. */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ConfigFields, type FieldErrors } from "@/components/config-fields";
import { HydratedFieldset } from "@/components/hydrated-fieldset";
import playgroundStyles from "@/components/playground/playground.module.css";
import { PlaygroundPanel } from "@/components/playground/playground-panel";
import { fieldErrorsOf } from "@/lib/api-errors";
import {
  DEFAULT_FORM,
  fieldForPath,
  formToConfig,
  type RunFormValues,
  validateForm,
  withDataset,
} from "@/lib/run-form";
import { useHydrated } from "@/lib/use-hydrated";
import { useTRPC } from "@/trpc/client";

export function NewRunForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const options = useQuery(trpc.meta.options.queryOptions());
  const [values, setValues] = useState<RunFormValues>(DEFAULT_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const hydrated = useHydrated();
  const create = useMutation(
    trpc.runs.create.mutationOptions({
      onSuccess: ({ id }) => router.push(`/runs/${id}`),
      onError: (err) => setErrors(fieldErrorsOf(err, (p) => fieldForPath(p.replace(/^config\./, "")))),
    }),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateForm(values);
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate({ config: formToConfig(values) });
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="new-run-form">
      <HydratedFieldset>
        <div className={playgroundStyles.layout}>
          <div className="form">
            {errors._ ? <div className="alert">{errors._}</div> : null}
            <ConfigFields
              values={values}
              errors={errors}
              options={options.data}
              onChange={(key, value) =>
                setValues((v) => (key === "dataset" ? withDataset(v, value) : { ...v, [key]: value }))
              }
            />
            <div className="row">
              <button
                className="btn btn-primary"
                type="submit"
                disabled={create.isPending}
                data-testid="launch"
              >
                {create.isPending ? "Launching…" : "Launch run"}
              </button>
              <span className="muted">The run is queued and trained by a background worker.</span>
            </div>
          </div>
          {hydrated ? <PlaygroundPanel values={values} /> : null}
        </div>
      </HydratedFieldset>
    </form>
  );
}
