"use client";
/** The "every activation" preset on one upload: first click says how many runs, the second launches them. */
import { countSweepRuns, ZSweepSpec } from "@actlab/core";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { uploadChoice } from "@/lib/dataset-choice";
import { everyActivationPresetFor } from "@/lib/dataset-presets";
import { useTRPC } from "@/trpc/client";

export function EveryActivationButton({ hash }: { hash: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [armed, setArmed] = useState(false);
  const spec = everyActivationPresetFor(uploadChoice(hash));
  const runs = countSweepRuns(ZSweepSpec.parse(spec));
  const launch = useMutation(
    trpc.sweeps.create.mutationOptions({ onSuccess: ({ id }) => router.push(`/sweeps/${id}`) }),
  );
  return (
    <span className="row" style={{ gap: 8 }}>
      <button
        type="button"
        className={`btn ${armed ? "btn-primary" : ""}`}
        disabled={launch.isPending}
        onClick={() => (armed ? launch.mutate({ spec }) : setArmed(true))}
        data-testid="upload-every-activation"
      >
        {armed ? `Launch ${runs} runs` : "Compare every activation"}
      </button>
      {launch.isError ? <span className="error">{launch.error.message}</span> : null}
    </span>
  );
}
