#!/usr/bin/env bash
# `npm start`: installs what is missing, migrates SQLite, starts Redis (unless REDIS_URL is set),
# builds and serves the dashboard on http://localhost:${PORT:-3000} (one web process per core) with one
# worker. Ctrl-C stops it all.
# The dashboard listens on 127.0.0.1 unless HOST says otherwise; a dead worker is restarted.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_node
ensure_pnpm
install_deps

# The data folder (SQLite file, session secret) is private to this user.
umask 077
export ACTLAB_DATA_DIR="$(mkdir -p "${ACTLAB_DATA_DIR:-$ROOT/data}" && cd "${ACTLAB_DATA_DIR:-$ROOT/data}" && pwd)"
export DATABASE_URL="${DATABASE_URL:-file:$ACTLAB_DATA_DIR/actlab.db}"
export PORT="${PORT:-3000}"
export HOST="${HOST:-127.0.0.1}"
export NODE_ENV=production
chmod 700 "$ACTLAB_DATA_DIR"
migrate_db
[ -f "${DATABASE_URL#file:}" ] && chmod 600 "${DATABASE_URL#file:}"

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

# The worker is supervised (see supervise in lib.sh): a dead one is restarted, web and Redis stay up.
(cd apps/worker && supervise worker node --import tsx src/main.ts) &
PIDS+=($!)
# One `next start` per core (ACTLAB_WEB_PROCESSES), sharing $HOST:$PORT: see apps/web/bin/serve.ts.
(cd apps/web && exec node --import tsx bin/serve.ts) &
WEB_PID=$!
PIDS+=($WEB_PID)
log "Actlab is starting on http://localhost:$PORT, listening on $HOST (Ctrl-C stops everything)"

# The dashboard or Redis ending ends the whole product, so nothing is left half-running.
wait -n "$WEB_PID" ${REDIS_PID:+"$REDIS_PID"} || true
