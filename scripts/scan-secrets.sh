#!/usr/bin/env bash
# Fails when a committed file holds a secret (keys, tokens, private keys, our session secret file):
# secretlint's recommended rules over every file git tracks in the tree given (default: this repository).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TREE="$(cd "${1:-$ROOT}" && pwd)"
cd "$TREE"

# A session secret file is a secret whatever its content looks like.
leaked="$(git ls-files | grep -E '(^|/)auth-secret$|(^|/)setup-token$' || true)"
if [ -n "$leaked" ]; then
  printf 'secret file committed (remove it with git rm --cached and keep data/ ignored):\n%s\n' "$leaked" >&2
  exit 1
fi

# Tracked files only, minus what no person writes (the lockfile's integrity hashes look like keys).
git ls-files -z -- . ':!:pnpm-lock.yaml' ':!:**/*.png' ':!:**/*.gz' \
  | xargs -0 "$ROOT/node_modules/.bin/secretlint" --secretlintrc "$ROOT/.secretlintrc.json" \
      --secretlintignore "$ROOT/.secretlintignore" --maskSecrets
