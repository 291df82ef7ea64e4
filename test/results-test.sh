#!/usr/bin/env bash
# End-to-end check of a program that writes a results folder: run it, check the files
# against their published schema, and plot them into a non-empty PNG and a report.
# Usage: results-test.sh OUT_DIR ROUNDS -- PROGRAM [ARGS...]   (PROGRAM must write OUT_DIR)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$1"; rounds="$2"; shift 3
rm -rf "$out"
"$@"
/usr/bin/python3 "$here/check-results.py" "$out" "$rounds"
/usr/bin/python3 "$here/../utils/plot-results.py" "$out" --output "$out/accuracy.png" \
    --report "$out/report.md"
/usr/bin/python3 "$here/check-report.py" "$out/report.md" "$out"
size=$(stat -c %s "$out/accuracy.png")
[ "$size" -gt 10000 ] || { echo "FAIL: PNG of $size bytes"; exit 1; }
head -c 8 "$out/accuracy.png" | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a' ||
    { echo "FAIL: $out/accuracy.png is not a PNG"; exit 1; }
echo "PASS: results and a ${size}-byte PNG in $out"
