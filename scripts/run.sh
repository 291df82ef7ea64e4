# shellcheck shell=bash
# The commands that run studies: the quick start comparison, scenario files, plots.
# Sourced by ../divshare, after common.sh.

# One result folder's figure and report.md (and the report's table, on standard output).
plot() { /usr/bin/python3 "$here/utils/plot-results.py" "$@"; }
report_run() { plot "$1" --output "$1/accuracy.png" --report "$1/report.md"; }

# The quick start's study for each compared algorithm (or the one --algorithm names), each in
# its own folder with a figure and report.md, then one comparison figure and report.
compared=(divshare adpsgd swift)
run_quickstart() {
    local out="results/quickstart" one=""
    local args=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --out | --output) out="$2"; shift 2 ;;
            --out=* | --output=*) out="${1#*=}"; shift ;;
            --algorithm=*) one="${1#--algorithm=}"; args+=("$1"); shift ;;
            *) args+=("$1"); shift ;;
        esac
    done
    build_all
    if [ -n "$one" ]; then
        "$build/examples/divshare-quickstart" --output="$out" "${args[@]}"
        report_run "$out"
        return
    fi
    local folders=() i=0
    for algorithm in "${compared[@]}"; do
        i=$((i + 1))
        say "[$i/${#compared[@]}] $algorithm"
        "$build/examples/divshare-quickstart" --algorithm="$algorithm" --output="$out/$algorithm" \
            "${args[@]+"${args[@]}"}"
        report_run "$out/$algorithm" >/dev/null
        folders+=("$out/$algorithm")
    done
    plot "${folders[@]}" --output "$out/comparison.png" --report "$out/report.md"
}

run_scenario() {
    build_all
    local outputs out
    outputs="$(mktemp)"
    # The program appends the folder it wrote to DIVSHARE_OUTPUTS.
    DIVSHARE_OUTPUTS="$outputs" "$build/examples/divshare-scenario" "$@" || { rm -f "$outputs"; exit 1; }
    out="$(tail -n 1 "$outputs")"
    rm -f "$outputs"
    [ -n "$out" ] || exit 1
    report_run "$out"
}
