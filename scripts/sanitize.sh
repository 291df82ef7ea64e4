# shellcheck shell=bash
# The sanitizer build (ASan + UBSan with clang) and the libFuzzer targets.
# Sourced by ../divshare, after common.sh.

sanitized="$here/build-sanitize"
build_sanitized() {
    packages+=(clang libclang-rt-14-dev)
    install_packages
    if [ ! -f "$sanitized/build.ninja" ]; then
        say "configuring the sanitizer build in $sanitized"
        # -O1 and line tables only: reports keep their file:line, and the build (LibTorch's
        # headers in every learning file) stays a few minutes on 2 cores.
        cmake -S "$here" -B "$sanitized" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
            -DCMAKE_CXX_COMPILER=clang++ -DDIVSHARE_SANITIZE=ON -DDIVSHARE_TEST_FULLNESS=QUICK \
            >/dev/null
    fi
    say "building with sanitizers (-j$jobs)"
    cmake --build "$sanitized" -j "$jobs"
}
# Any report fails: UBSan ends the process (-fno-sanitize-recover), ASan stops at the first.
# Leak checking is off: ns-3 and LibTorch keep their singletons until exit.
# A failed allocation returns null, as it does without ASan (LibTorch then throws).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

fuzz_targets=(reassembler scenario topology kollaps cifar10 movielens)
run_fuzz() {
    local which="${1:-all}" seconds="${2:-60}"
    local targets=("${fuzz_targets[@]}")
    if [ "$which" != all ]; then
        [[ " ${fuzz_targets[*]} " == *" $which "* ]] ||
            { say "unknown fuzz target '$which'; known: all ${fuzz_targets[*]}"; exit 2; }
        targets=("$which")
    fi
    build_sanitized
    for target in "${targets[@]}"; do
        local corpus="$sanitized/fuzz-corpus/$target"
        mkdir -p "$corpus"
        local seeds=("$here/fuzz/corpus/$target")
        case "$target" in
            scenario) seeds+=("$here/scenarios") ;;
            topology) seeds+=("$here/topologies") ;;
            reassembler | cifar10)
                /usr/bin/python3 "$here/fuzz/make-seeds.py" "$target" "$corpus" ;;
        esac
        local existing=()
        for s in "${seeds[@]}"; do [ -d "$s" ] && existing+=("$s"); done
        say "fuzzing $target for $seconds s"
        "$sanitized/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
            -print_final_stats=1 "$corpus" "${existing[@]+"${existing[@]}"}"
    done
}
