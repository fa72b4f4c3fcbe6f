#!/usr/bin/env bash
# `npm start`: installs what is missing, migrates SQLite, starts Redis (unless REDIS_URL is set),
# builds and serves the dashboard on http://localhost:${PORT:-3000} with one worker. Ctrl-C stops it all.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_node
ensure_pnpm
install_deps

export ACTLAB_DATA_DIR="$(mkdir -p "${ACTLAB_DATA_DIR:-$ROOT/data}" && cd "${ACTLAB_DATA_DIR:-$ROOT/data}" && pwd)"
export DATABASE_URL="${DATABASE_URL:-file:$ACTLAB_DATA_DIR/actlab.db}"
export PORT="${PORT:-3000}"
export NODE_ENV=production
migrate_db

PIDS=()
cleanup() {
  trap - INT TERM EXIT
  log "stopping"
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup INT TERM EXIT

if [ -z "${REDIS_URL:-}" ]; then
  ensure_redis_binary
  start_local_redis "$ACTLAB_DATA_DIR/redis"
  PIDS+=("$REDIS_PID")
  log "Redis on $REDIS_URL (data in $ACTLAB_DATA_DIR/redis)"
fi

log "building the dashboard"
(cd apps/web && ./node_modules/.bin/next build >"$ACTLAB_DATA_DIR/build.log" 2>&1) || { tail -40 "$ACTLAB_DATA_DIR/build.log"; die "next build failed (log: $ACTLAB_DATA_DIR/build.log)"; }

(cd apps/worker && exec node --import tsx src/main.ts) &
PIDS+=($!)
(cd apps/web && exec ./node_modules/.bin/next start -p "$PORT") &
PIDS+=($!)
log "Actlab is starting on http://localhost:$PORT (Ctrl-C stops everything)"

# Whichever process ends first ends the whole product, so nothing is left half-running.
wait -n "${PIDS[@]}" || true
