"use client";
/** The compare view's controls; every change goes to the URL. */
import { METRIC, splitByReproducibility } from "@actlab/core";
import type { CompareState } from "@/lib/compare-state";

/** Wall-clock metrics apart: reruns of one config agree on every training metric, never on timings. */
function metricGroups(keys: string[], current: string) {
  const { reproducible, wallClock } = splitByReproducibility(
    [...new Set([current, ...keys])].filter((k) => k !== METRIC.epoch),
  );
  return [
    { label: "Training (same bits on a rerun)", keys: reproducible },
    { label: "Wall clock and machine (differ on a rerun)", keys: wallClock },
  ].filter((g) => g.keys.length > 0);
}

export function CompareToolbar({
  state,
  set,
  keys,
  groupKeys,
}: {
  state: CompareState;
  set: (patch: Partial<CompareState>) => void;
  keys: string[];
  groupKeys: string[];
}) {
  return (
    <section className="panel toolbar" data-testid="compare-toolbar">
      <div className="field">
        <label htmlFor="cmp-key">Metric</label>
        <select id="cmp-key" value={state.key} onChange={(e) => set({ key: e.target.value })}>
          {metricGroups(keys, state.key).map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.keys.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="cmp-x">X axis</label>
        <select id="cmp-x" value={state.x} onChange={(e) => set({ x: e.target.value as CompareState["x"] })}>
          <option value="step">step</option>
          <option value="epoch">epoch</option>
          <option value="wall">wall time</option>
          <option value="relative">relative time</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="cmp-group">Group by</label>
        <select
          id="cmp-group"
          value={state.group}
          onChange={(e) => set({ group: e.target.value, hide: [] })}
          data-testid="group-by"
        >
          {[...new Set([state.group, ...groupKeys])].map((k) => (
            <option key={k} value={k}>
              {k === "none" ? "nothing (one line per run)" : k}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="cmp-band">Band</label>
        <select
          id="cmp-band"
          value={state.band}
          onChange={(e) => set({ band: e.target.value as CompareState["band"] })}
        >
          <option value="std">± std</option>
          <option value="sem">± sem</option>
          <option value="ci95">95% CI</option>
        </select>
      </div>
      <div className="field" style={{ minWidth: 200 }}>
        <label htmlFor="cmp-smooth">Smoothing (EMA): {state.smooth.toFixed(2)}</label>
        <input
          id="cmp-smooth"
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={state.smooth}
          onChange={(e) => set({ smooth: Number(e.target.value) })}
          data-testid="smoothing"
        />
      </div>
      <Toggle label="log scale" checked={state.log} onChange={(log) => set({ log })} />
      <Toggle label="show seeds" checked={state.members} onChange={(members) => set({ members })} />
    </section>
  );
}

function Toggle({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="row" style={{ gap: 6 }}>
      <input
        type="checkbox"
        style={{ width: "auto" }}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}
