#!/usr/bin/env bash
# `./divshare run` as the README gives it, on a tiny star: a result folder with a figure and
# report.md per compared algorithm, and a comparison figure and report.md whose rows match the
# runs. Usage: driver-run-test.sh BUILD_DIR OUT_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$1" out="$2"
rm -rf "$out"
DIVSHARE_BUILD_DIR="$build" "$here/../divshare" run --out "$out" --nodes=6 --stragglers=2 \
    --degree=2 --duration=8 --target=0.75
folders=()
for algorithm in divshare adpsgd swift; do
    for file in report.md accuracy.png summary.json; do
        [ -s "$out/$algorithm/$file" ] || { echo "FAIL: no $out/$algorithm/$file"; exit 1; }
    done
    /usr/bin/python3 "$here/check-report.py" "$out/$algorithm/report.md" "$out/$algorithm"
    folders+=("$out/$algorithm")
done
/usr/bin/python3 "$here/check-report.py" "$out/report.md" "${folders[@]}"
