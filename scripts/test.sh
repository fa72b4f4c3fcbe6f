#!/usr/bin/env bash
# `npm test`: the whole suite. Lint, typecheck, unit and integration tests (real redis-server,
# real SQLite files, real worker processes), then browser end-to-end tests against the built app.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_node
ensure_pnpm
# redis-server: integration tests; chromium: browser tests; python3-torch: the replay and activation
# cross-checks against PyTorch; dataset-fashion-mnist: the Fashion-MNIST loader's test.
ensure_apt_packages redis-server chromium python3-torch dataset-fashion-mnist
install_deps
export PATH="$ROOT/node_modules/.bin:$PATH"

log "lint (biome)"
pnpm lint
log "typecheck"
pnpm typecheck
log "unit and integration tests"
pnpm test:unit
log "building the dashboard for the browser tests"
(cd apps/web && next build >/tmp/actlab-next-build.log 2>&1) || { tail -40 /tmp/actlab-next-build.log; die "next build failed"; }
log "browser end-to-end tests (Chromium)"
pnpm --filter @actlab/web e2e
log "all tests passed"
