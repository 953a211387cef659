#!/usr/bin/env bash
# CTest: the README's run command (scripts/demo.sh) on this build, headless, in a
# folder of the build tree; every screen of scripts/demo_screens.sh's list must be
# a non-empty PNG. Exit 77 (skipped) where there is no xvfb-run.
#   tests/demo/test_demo_screens.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$build/demo-test
if ! command -v xvfb-run >/dev/null; then
  echo "skipped: no xvfb-run"
  exit 77
fi
env -u DISPLAY -u WAYLAND_DISPLAY TDKT_DEMO_BUILD="$build" TDKT_DEMO_OUT="$out" "$root/scripts/demo.sh" >"$build/demo-test.log" 2>&1 ||
  { tail -n 40 "$build/demo-test.log"; echo "demo.sh failed (log: $build/demo-test.log)"; exit 1; }
names=$(sed -n '/^screens=(/,/^)/p' "$root/scripts/demo_screens.sh" | grep -o '^  "[^|]*' | tr -d ' "')
[ -n "$names" ] || { echo "no screen list in scripts/demo_screens.sh"; exit 1; }
n=0
for name in $names; do
  f=$out/screens/$name.png
  [ -s "$f" ] || { echo "missing or empty: $f"; exit 1; }
  [ "$(stat -c %s "$f")" -gt 10000 ] || { echo "too small to show a window: $f"; exit 1; }
  [ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || { echo "not a PNG: $f"; exit 1; }
  n=$((n + 1))
done
grep -q "ảnh màn hình trong $out/screens/" "$build/demo-test.log" || { echo "demo.sh did not say where the screens are"; exit 1; }
if [ -n "${TDKT_SCREENS_OUT:-}" ]; then cp "$out"/screens/*.png "$TDKT_SCREENS_OUT/"; fi
echo "demo.sh: $n screens in $out/screens/"
