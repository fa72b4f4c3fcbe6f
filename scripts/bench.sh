#!/usr/bin/env bash
# pnpm bench [group]: runs the benchmark groups (core, runs, ui, api, ingest); each prints one JSON object
# per line. ingest: the metric write path on SQLite, then on a throwaway PostgreSQL cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
group="${1:-all}"
run_group() {
  case "$1" in
    core) node_modules/.bin/tsx apps/worker/bench/core.ts ;;
    runs) node_modules/.bin/tsx apps/worker/bench/runs.ts ;;
    ui) node_modules/.bin/tsx apps/web/bench/ui.ts ;;
    api) node_modules/.bin/tsx packages/tracking/bench/api.ts ;;
    ingest) node_modules/.bin/tsx apps/worker/bench/runs.ts ingest
      bash scripts/test-postgres.sh --run node_modules/.bin/tsx apps/worker/bench/runs.ts ingest ;;
    *) echo "unknown bench group '$1' (core, runs, ui, api, ingest)" >&2; exit 2 ;;
  esac
}
if [ "$group" = all ]; then
  for g in core runs ui api; do
    if [ -e "$(case $g in core) echo apps/worker/bench/core.ts;; runs) echo apps/worker/bench/runs.ts;; ui) echo apps/web/bench/ui.ts;; api) echo packages/tracking/bench/api.ts;; esac)" ]; then run_group "$g"; fi
  done
else
  run_group "$group"
fi
