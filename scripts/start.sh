#!/usr/bin/env bash
# `npm start`: installs what is missing, migrates SQLite, starts Redis (unless REDIS_URL is set),
# builds and serves the dashboard on http://localhost:${PORT:-3000} with one worker. Ctrl-C stops it all.
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

# The worker is supervised: when it dies (a kill -9, an out-of-memory kill) it is started again after
# 1, 2, 4 … 30 s, while the dashboard and Redis stay up. Its unfinished job resumes from its checkpoint.
supervise_worker() {
  local delay=1 started
  trap 'kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; exit 0' TERM INT
  while true; do
    started=$SECONDS
    (cd apps/worker && exec node --import tsx src/main.ts) &
    child=$!
    local status=0
    wait "$child" || status=$?
    # A worker that ran a minute was healthy: its next death starts the back-off over.
    [ $((SECONDS - started)) -ge 60 ] && delay=1
    log "worker (pid $child) exited with status $status; restarting it in ${delay}s"
    sleep "$delay" & wait $!
    delay=$((delay * 2 > 30 ? 30 : delay * 2))
  done
}
supervise_worker &
PIDS+=($!)
(cd apps/web && exec ./node_modules/.bin/next start -H "$HOST" -p "$PORT") &
WEB_PID=$!
PIDS+=($WEB_PID)
log "Actlab is starting on http://localhost:$PORT, listening on $HOST (Ctrl-C stops everything)"

# The dashboard or Redis ending ends the whole product, so nothing is left half-running.
wait -n "$WEB_PID" ${REDIS_PID:+"$REDIS_PID"} || true
