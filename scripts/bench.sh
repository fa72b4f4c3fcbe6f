#!/usr/bin/env bash
# pnpm bench [core|runs|ui|api|ingest]: runs the benchmark groups (all but ingest by default); each prints
# one JSON object per line. runs and ui measure on SQLite, then again on a throwaway PostgreSQL cluster
# (scripts/test-postgres.sh --run), each line naming its engine in "db"; ingest: the metric path alone.
set -euo pipefail
cd "$(dirname "$0")/.."
group="${1:-all}"
tsx=node_modules/.bin/tsx
on_postgres() { bash scripts/test-postgres.sh --run "$@"; }
run_group() {
  case "$1" in
    core) "$tsx" apps/worker/bench/core.ts ;;
    runs) "$tsx" apps/worker/bench/runs.ts && on_postgres "$tsx" apps/worker/bench/runs.ts ;;
    ui) "$tsx" apps/web/bench/ui.ts && on_postgres "$tsx" apps/web/bench/ui.ts db ;;
    api) "$tsx" packages/tracking/bench/api.ts ;;
    ingest) "$tsx" apps/worker/bench/runs.ts ingest && on_postgres "$tsx" apps/worker/bench/runs.ts ingest ;;
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
