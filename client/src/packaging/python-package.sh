#!/usr/bin/env bash
# Builds the Python SDK's wheel and sdist with Debian's Python tooling (python3-build, setuptools,
# wheel: PyPI is not among the kit's sources): the generated package plus the hand-written layer,
# laid out in a fresh folder with the kit's pyproject.toml, versioned as given.
# Usage: python-package.sh <layer dir> <generated sdk dir> <package> <version> <build python> <out dir>
set -euo pipefail
if [ $# -ne 6 ]; then
  echo "usage: python-package.sh <layer dir> <generated sdk dir> <package> <version> <build python> <out dir>" >&2
  exit 2
fi
layer=$1 sdk=$2 package=$3 version=$4 python=$5 out=$6

if ! "$python" -m build --version >/dev/null 2>&1; then
  need="building the Python SDK's wheel needs Debian's python3-build for $python: apt-get install python3-build python3-venv"
  # As for the other Python check: CI proves the claim or fails; elsewhere the package is skipped, saying so.
  if [ "${CI:-}" = "true" ]; then echo "[python sdk] FAILED: $need" >&2; exit 2; fi
  echo "[python sdk] SKIPPED: $need" >&2
  exit 0
fi

work=$(dirname "$out")/python-package
rm -rf "$work" "$out"
mkdir -p "$work" "$out"
cp -r "$sdk/$package" "$work/$package"
find "$work" -name __pycache__ -type d -prune -exec rm -rf {} +
for module in "$layer"/*.py; do
  [ "$(basename "$module")" = exports.py ] || cp "$module" "$work/$package/"
done
cat "$layer/exports.py" >>"$work/$package/__init__.py"
sed "s/@VERSION@/$version/" "$layer/pyproject.toml" >"$work/pyproject.toml"
cp "$layer/README.md" "$work/README.md"
"$python" -m build --no-isolation --sdist --wheel --outdir "$out" "$work" >"$work.log" 2>&1 \
  || { cat "$work.log"; echo "[python sdk] FAILED: the wheel did not build" >&2; exit 1; }
echo "[python sdk] built $(cd "$out" && ls | tr '\n' ' ')"
