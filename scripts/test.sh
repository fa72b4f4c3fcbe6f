#!/usr/bin/env bash
# `npm test`: the whole suite. Lint, typecheck, unit and integration tests (real redis-server,
# real SQLite files, real worker processes), then browser end-to-end tests against the built app.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

run_suite() {
  ensure_node
  ensure_pnpm
  # redis-server: integration tests; postgresql: the db, api, worker and tracking suites on a real server;
  # nginx-light: the web replicas test behind deploy/nginx.conf;
  # chromium: browser tests; python3-torch: the replay and activation cross-checks against PyTorch;
  # dataset-fashion-mnist: the Fashion-MNIST loader's test.
  ensure_apt_packages redis-server postgresql nginx-light chromium python3-torch libopenblas0-pthread dataset-fashion-mnist
  install_deps
  export PATH="$ROOT/node_modules/.bin:$PATH"

  log "secret scan (secretlint over every tracked file)"
  bash scripts/scan-secrets.sh
  log "lint (biome)"
  pnpm lint
  log "typecheck"
  pnpm typecheck
  log "unit and integration tests"
  pnpm test:unit
  log "building the dashboard for the scale-out and browser tests"
  (cd apps/web && ./node_modules/.bin/next build >/tmp/actlab-next-build.log 2>&1) \
    || { tail -40 /tmp/actlab-next-build.log; die "next build failed"; }
  log "db, api, worker (with the scale-out test) and tracking suites on PostgreSQL (a throwaway cluster)"
  bash scripts/test-postgres.sh
  log "browser end-to-end tests (Chromium)"
  pnpm --filter @actlab/web e2e
  log "two web replicas behind nginx on PostgreSQL (deploy/nginx.conf)"
  bash scripts/test-postgres.sh apps/web -- --config e2e/vitest.config.ts e2e/replicas.e2e.ts
}

LOG="$(mktemp -t actlab-test.XXXXXX)"
run_suite 2>&1 | tee "$LOG"
# One closing line over every vitest run above (unit, integration, e2e).
sed 's/\x1b\[[0-9;]*m//g' "$LOG" | awk '
  /Tests +[0-9]+ (passed|failed)/ {
    for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i }
  }
  END { printf "%d passed, %d failed\n", p, f }'
rm -f "$LOG"
