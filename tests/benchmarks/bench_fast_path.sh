#!/usr/bin/env bash
# The fast check of a data-only pull request (check.yml, job "data"), step by step, on a clean clone with a
# fresh virtual environment and every package downloaded from PyPI without a pip cache or local wheels:
#
#   bash tests/benchmarks/bench_fast_path.sh [CLONE_DIR]
#
# A score of the first customer's plan is edited on a branch, as a staff member would. Prints each step's
# seconds and the total; what a hosted runner adds (virtual machines, checkout, caches, artifact upload) is
# not measured here (handbook/publishing.md).
set -euo pipefail
source_repo=$(cd "$(dirname "$0")/../.." && pwd)
clone=${1:-$(mktemp -d)/fast-path}
export PIP_CONFIG_FILE=/dev/null PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_INDEX_URL=https://pypi.org/simple NO_MKDOCS_2_WARNING=1
unset PIP_FIND_LINKS PIP_EXTRA_INDEX_URL PIP_CONSTRAINT PIP_REQUIRE_VIRTUALENV || true
git clone -q "$source_repo" "$clone"
cd "$clone"
git checkout -q -b staff-edit
sed -i 's/score: 90.0/score: 91.5/' plan_data/2569/indicators/09.yml
git -c user.name=bench -c user.email=bench@example.invalid commit -qam "staff edit"
base=$(git rev-parse HEAD~1)
log=$(mktemp)
total=0
step() {
  local start end
  start=$(date +%s.%N)
  "$@" >"$log" 2>&1 || { cat "$log"; exit 1; }
  end=$(date +%s.%N)
  total=$(echo "$total + $end - $start" | bc)
  printf '%-72s %6.1f s\n' "$*" "$(echo "$end - $start" | bc)"
}
step python3 -m venv .venv
step .venv/bin/pip install -q --no-cache-dir --require-hashes -r .ci/pip/site.txt
step .venv/bin/pip install -q --no-cache-dir --no-deps --no-build-isolation -e .
step .venv/bin/itaplan check --format github
step .venv/bin/mkdocs build --strict
step sh -c ".venv/bin/itaplan diff $base > summary.md"
step .venv/bin/mkdocs build --no-directory-urls --site-dir "$clone/preview"
printf '%-72s %6.1f s\n' "all steps" "$total"
