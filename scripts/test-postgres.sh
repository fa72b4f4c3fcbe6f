#!/usr/bin/env bash
# The db, api, worker and tracking suites against a real PostgreSQL: a throwaway cluster on a loopback port
# (Debian's postgresql package, no Docker), one migrated template database, and a copy of it per test file.
# The worker suite's scale-out test drives the built web app: run `next build` in apps/web first.
# Usage: scripts/test-postgres.sh [package …] (default: the four above); vitest arguments after --.
#        scripts/test-postgres.sh --run COMMAND …: runs one command with the same environment (benchmarks).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

command=()
if [ "${1:-}" = --run ]; then shift; command=("$@"); set --; fi
packages=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do packages+=("$1"); shift; done
[ "${1:-}" = -- ] && shift
[ ${#packages[@]} -eq 0 ] && packages=(packages/db packages/api apps/worker packages/tracking)

CLUSTER="$(mktemp -d -t actlab-pg.XXXXXX)"
chmod 755 "$CLUSTER"
stop_cluster() {
  stop_local_postgres
  rm -rf "$CLUSTER"
}
trap stop_cluster EXIT
start_local_postgres "$CLUSTER"
log "PostgreSQL on ${PG_URL%/postgres}"

template="${PG_URL%/postgres}/actlab_template"
psql "$PG_URL" -qc 'CREATE DATABASE actlab_template' >/dev/null
(cd packages/db && DATABASE_URL="$template" ./node_modules/.bin/tsx scripts/migrate.ts >/dev/null)
export ACTLAB_TEST_POSTGRES_TEMPLATE="$template"

if [ ${#command[@]} -gt 0 ]; then
  "${command[@]}"
  exit
fi
for pkg in "${packages[@]}"; do
  log "$pkg on PostgreSQL"
  (cd "$pkg" && ./node_modules/.bin/vitest run "$@")
done
