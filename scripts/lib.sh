#!/usr/bin/env bash
# Shared set-up steps for start.sh and test.sh: pinned pnpm, dependencies, Prisma client, Redis.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PNPM_VERSION="$(node -p "require('$ROOT/package.json').packageManager.split('@')[1]")"

log() { printf '\033[1;34m[actlab]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[actlab]\033[0m %s\n' "$*" >&2; exit 1; }

ensure_node() {
  command -v node >/dev/null || die "Node.js 20 is required (https://nodejs.org or 'apt-get install nodejs')."
  local major; major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" = 20 ] || log "warning: Node $major found; Actlab is tested on Node 20."
}

ensure_pnpm() {
  if command -v pnpm >/dev/null && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then return; fi
  log "installing pnpm $PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 \
    || npm install -g --prefix "$HOME/.local" "pnpm@$PNPM_VERSION" >/dev/null \
    || die "could not install pnpm $PNPM_VERSION with npm"
  export PATH="$HOME/.local/bin:$PATH"
  [ "$(pnpm --version)" = "$PNPM_VERSION" ] || die "pnpm $PNPM_VERSION is not the pnpm on PATH ($(command -v pnpm))"
}

install_deps() {
  # pnpm 12 ignores .npmrc's nodedir: without Node's headers node-gyp would try to download them.
  local nodedir; nodedir="$(node -p 'require("path").resolve(process.execPath, "../..")')"
  [ -f "$nodedir/include/node/node.h" ] && export npm_config_nodedir="$nodedir"
  log "installing dependencies"
  (cd "$ROOT" && pnpm install --frozen-lockfile --reporter=silent) || die "pnpm install failed"
  log "generating the Prisma clients (SQLite and PostgreSQL)"
  (cd "$ROOT/packages/db" && pnpm generate >/dev/null) || die "prisma generate failed"
}

migrate_db() {
  log "migrating the database at ${DATABASE_URL#file:}"
  (cd "$ROOT/packages/db" && ./node_modules/.bin/tsx scripts/migrate.ts >/dev/null) \
    || die "could not create or migrate the database at ${DATABASE_URL#file:} (is the folder writable?)"
}

ensure_redis_binary() {
  command -v redis-server >/dev/null && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing redis-server with apt"
    (apt-get install -y -qq redis-server >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq redis-server >/dev/null; }) \
      || die "could not install redis-server with apt"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null && command -v apt-get >/dev/null; then
    sudo apt-get install -y -qq redis-server >/dev/null || die "could not install redis-server with sudo apt"
  else
    die "redis-server is not installed. Install it (apt-get install redis-server, brew install redis), or run 'docker compose up -d redis' and set REDIS_URL=redis://127.0.0.1:6379"
  fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Starts redis-server on loopback as a child of this shell; sets REDIS_URL and REDIS_PID.
start_local_redis() {
  local dir="$1" port; port="$(free_port)"
  mkdir -p "$dir"
  redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save 60 1000 --appendonly no \
    --daemonize no --logfile "$dir/redis.log" &
  REDIS_PID=$!
  export REDIS_URL="redis://127.0.0.1:$port"
  for _ in $(seq 1 50); do
    if (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return; fi
    kill -0 "$REDIS_PID" 2>/dev/null || die "redis-server exited; see $dir/redis.log"
    sleep 0.1
  done
  die "redis-server did not start on port $port; see $dir/redis.log"
}

# Debian packages the test suite needs; installed with apt when we have the rights.
ensure_apt_packages() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing ${missing[*]} with apt"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
      || die "apt-get install ${missing[*]} failed"
  else
    die "missing Debian packages: ${missing[*]} (sudo apt-get install ${missing[*]})"
  fi
}

# Runs "$@" and starts it again whenever it dies (a kill -9, an out-of-memory kill), after 1, 2, 4 … 30 s
# of back-off, logging each death; SIGTERM stops the child and the loop. `npm start` runs the worker so:
# its unfinished job resumes from its checkpoint, and the dashboard and Redis never notice.
supervise() {
  local name="$1" delay=1 started status child=""
  shift
  trap '[ -n "$child" ] && kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; exit 0' TERM INT
  while true; do
    started=$SECONDS
    "$@" &
    child=$!
    status=0
    wait "$child" || status=$?
    # One that ran a minute was healthy: its next death starts the back-off over.
    [ $((SECONDS - started)) -ge 60 ] && delay=1
    log "$name (pid $child) exited with status $status; restarting it in ${delay}s"
    sleep "$delay" & wait $!
    delay=$((delay * 2 > 30 ? 30 : delay * 2))
  done
}

# Starts a throwaway PostgreSQL cluster in DIR on a free loopback port, as a child of this shell (tests):
# no fsync, trust auth for the postgres user on 127.0.0.1 only. Sets PG_URL (its postgres database) and
# PG_PID; stop_local_postgres ends it. initdb refuses root, so as root the cluster belongs to the postgres
# system user.
PG_AS=()
PG_BIN=""
PG_DIR=""
start_local_postgres() {
  local dir="$1" port bin as=() ; port="$(free_port)"
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -x "$bin/initdb" ] || die "PostgreSQL is not installed (apt-get install postgresql)"
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; as=(runuser -u postgres --); fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  "${as[@]}" "$bin/postgres" -D "$dir/data" -k "$dir" -p "$port" -c listen_addresses=127.0.0.1 \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off >"$dir/postgres.log" 2>&1 &
  PG_PID=$!
  PG_AS=("${as[@]}") PG_BIN="$bin" PG_DIR="$dir/data"
  export PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  for _ in $(seq 1 100); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then return; fi
    kill -0 "$PG_PID" 2>/dev/null || die "postgres exited; see $dir/postgres.log"
    sleep 0.1
  done
  die "postgres did not start on port $port; see $dir/postgres.log"
}

# Stops the cluster start_local_postgres started (runuser does not pass signals on: ask pg_ctl).
stop_local_postgres() {
  [ -n "$PG_DIR" ] || return 0
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR" -m immediate -w stop >/dev/null 2>&1 || true
  wait "$PG_PID" 2>/dev/null || true
  PG_DIR=""
}
