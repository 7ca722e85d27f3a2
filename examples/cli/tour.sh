#!/usr/bin/env bash
# A tour of the remote-store command line on a scratch folder.
# Run from the repository root:  bash examples/cli/tour.sh
# (Set RS to use another build, e.g. RS=remote-store after `npm install -g`.)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
RS=${RS:-"$root/node_modules/.bin/tsx $root/src/cli/bin.ts"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/examples/cli/remote-store.config.yaml" "$work/"
cd "$work"
step() { printf '\n\033[1m$ remote-store %s\033[0m\n' "$*"; $RS "$@"; }

printf 'region,total\nnorth,12\n' > q1.csv
mkdir -p site/css && echo '<h1>hi</h1>' > site/index.html && echo 'h1{}' > site/css/main.css

step stores
step put q1.csv reports:2026/
step put -r site reports:
step ls -l reports:
step tree reports:
step find 'reports:**/*.css'
step stat reports:2026/q1.csv
step sync --dry-run reports: backup:
step sync reports: backup:
step du --depth 1 backup:
step cat backup:2026/q1.csv
step get backup:2026/q1.csv ./copy.csv && cat copy.csv
printf '\n\033[1m$ remote-store cat reports:nope.csv\033[0m\n'
$RS cat reports:nope.csv || echo "(exit code $?: NOT_FOUND)"
