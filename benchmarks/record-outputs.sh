#!/usr/bin/env bash
# Records the CSV outputs of the examples, for proving that a refactoring changed no result:
#
#   benchmarks/record-outputs.sh BUILD_DIR OUT_DIR      run them, keep their CSV files
#   diff -r -x logs -x scenario.txt BEFORE AFTER         compare two recordings (scenario.txt
#                                                        names the output folder)
#
# Short runs (a few simulated seconds each, about 2 minutes in all on 2 idle cores), one
# LibTorch worker and thread so that the numbers do not depend on the machine.
set -euo pipefail

build="$(cd "$1" && pwd)/examples"
out="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kollaps="${DIVSHARE_KOLLAPS_FILE:-$here/../shared/data/topologies/regions-60n-10x6.xml}"
mkdir -p "$out/logs"
out="$(cd "$out" && pwd)"
common=(--workers=1 --threads=1)

run() {
    local name="$1"
    shift
    echo "record-outputs: $name" >&2
    "$@" >"$out/logs/$name.stdout" 2>"$out/logs/$name.stderr"
}

run quickstart "$build/divshare-quickstart" "${common[@]}" --duration=20 --output="$out/quickstart"
run scenario "$build/divshare-scenario" "$here/test/tiny.scenario" "${common[@]}" \
    --output="$out/scenario"
run comparison "$build/divshare-comparison" "${common[@]}" --duration=10 \
    --output="$out/comparison"
run topology "$build/divshare-topology" "${common[@]}" --topology_file="$kollaps" --duration=4 \
    --congestion_traces=true --output="$out/topology"
run congestion "$build/divshare-congestion" "${common[@]}" \
    --topology_file="$here/topologies/dumbbell.topo" --duration=10 --output="$out/congestion"
# Wall-clock figures differ run to run; the logs keep what the programs printed.
find "$out" -name summary.json -exec sed -i '/"wall_/d' {} +
