#!/bin/bash
# Differential check of ns-3.37-ipv4-end-point-index.patch: the original and the patched
# Ipv4EndPointDemux, each compiled beside end-point-index-check.cc against the installed
# ns-3 3.37, go through the same random operations (allocations with and without wildcards,
# four-tuple changes, removals, lookups on interfaces with one or several subnets); every
# answer must be the same. The original comes from the ns-3 source package (fetched once by
# ./divshare build --ns3-source into build-ns3/, or here into a temporary folder).
#
#   ns3-patches/check-end-point-index.sh [SEEDS] [STEPS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seeds="${1:-3000}"
steps="${2:-300}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tarball="$(ls "$here"/../build-ns3/ns3_*.orig.tar.* 2>/dev/null | head -n 1 || true)"
if [ -z "$tarball" ]; then
    (cd "$work" && apt-get source --download-only -qq \
        "ns3=$(dpkg-query -W -f='${source:Version}' libns3-dev)" 2>/dev/null) ||
        { echo "check-end-point-index: no ns-3 source package (run ./divshare build --ns3-source once)"; exit 1; }
    tarball="$(ls "$work"/ns3_*.orig.tar.*)"
fi
tar -xf "$tarball" -C "$work" --wildcards '*/src/internet/model/ipv4-end-point*'
for version in original patched; do
    mkdir -p "$work/$version/inc/ns3"
    cp -r "$work"/ns-allinone-*/ns-*/src "$work/$version/"
    if [ "$version" = patched ]; then
        patch -d "$work/$version" -p1 -s -f <"$here/ns-3.37-ipv4-end-point-index.patch"
    fi
    model="$work/$version/src/internet/model"
    # The installed libns3-internet registers the same log components.
    sed -i 's/NS_LOG_COMPONENT_DEFINE("\(.*\)")/NS_LOG_COMPONENT_DEFINE("\1Check")/' "$model"/*.cc
    # ns3/<name>.h resolves to this version's end-point headers, the rest to the installed ones.
    ln -s /usr/include/ns3/*.h "$work/$version/inc/ns3/"
    cp -f --remove-destination "$model"/ipv4-end-point*.h "$work/$version/inc/ns3/"
    g++ -std=c++17 -O1 -o "$work/$version/check" "$here/end-point-index-check.cc" \
        "$model/ipv4-end-point.cc" "$model/ipv4-end-point-demux.cc" \
        -iquote "$work/$version/inc/ns3" -I"$work/$version/inc" \
        -lns3-core -lns3-network -lns3-internet
done
differ=0 aborted=0 found=0
for seed in $(seq 1 "$seeds"); do
    "$work/original/check" "$seed" "$steps" >"$work/a.txt" 2>/dev/null
    "$work/patched/check" "$seed" "$steps" >"$work/b.txt" 2>/dev/null
    if ! cmp -s "$work/a.txt" "$work/b.txt"; then
        differ=$((differ + 1))
        [ "$differ" -gt 1 ] || { echo "seed $seed differs:"; diff "$work/a.txt" "$work/b.txt" | head -n 5; }
    fi
    grep -q 'ABORT' "$work/a.txt" && aborted=$((aborted + 1))
    found=$((found + $(grep -c 'lookup [0-9]' "$work/a.txt" || true)))
done
echo "check-end-point-index: $seeds seeds of $steps operations, $found lookups that found an" \
     "end point, $aborted seeds ended by ns-3's ambiguous-lookup abort (in both): $differ differ"
[ "$differ" -eq 0 ]
