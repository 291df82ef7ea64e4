#!/usr/bin/env bash
# End-to-end check of what './divshare run' does: a tiny quick start writes its three result
# files, and the plot script turns them into a non-empty PNG.
# Usage: quickstart-plot-test.sh QUICKSTART_BINARY PLOT_SCRIPT WORK_DIR
set -euo pipefail
quickstart="$1"; plot="$2"; out="$3/quickstart-plot-test"
rm -rf "$out"
"$quickstart" --nodes=5 --stragglers=1 --degree=2 --simTime=6 --evalInterval=2 --out="$out"
for f in evaluations.csv traffic.csv summary.json; do
    [ -s "$out/$f" ] || { echo "FAIL: $out/$f missing or empty"; exit 1; }
done
head -1 "$out/evaluations.csv" | grep -q '^time_s,node,iteration,accuracy,loss' ||
    { echo "FAIL: evaluations.csv header"; exit 1; }
[ "$(grep -c ',mean,' "$out/evaluations.csv")" -eq 4 ] ||
    { echo "FAIL: expected 4 mean rows (t = 0, 2, 4, 6 s)"; exit 1; }
/usr/bin/python3 "$plot" "$out" --output "$out/accuracy.png"
size=$(stat -c %s "$out/accuracy.png")
[ "$size" -gt 10000 ] || { echo "FAIL: PNG of $size bytes"; exit 1; }
# The PNG signature, not just any bytes.
head -c 8 "$out/accuracy.png" | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a' ||
    { echo "FAIL: not a PNG"; exit 1; }
echo "PASS: quick start wrote its results and a ${size}-byte PNG"
