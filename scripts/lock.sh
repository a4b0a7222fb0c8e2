#!/usr/bin/env bash
# Regenerate the lock files from pyproject.toml (every dependency pinned, with the hashes of all
# its files on PyPI, for Linux and Windows alike):
#   requirements.lock        the app           (scripts/bootstrap.sh, scripts/build_on_floor.sh)
#   requirements-test.lock   the app + [test]  (scripts/bootstrap.sh test, CI)
# Needs uv (`pip install uv`). Run after changing a dependency in pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-uv}
common=(--universal --python-version 3.11 --generate-hashes --no-header --quiet
  --index-url https://pypi.org/simple)
"$UV" pip compile "${common[@]}" pyproject.toml -o requirements.lock
"$UV" pip compile "${common[@]}" --extra test pyproject.toml -o requirements-test.lock
