# shellcheck shell=bash
# ns-3 from source with this module in contrib/: build it, and test it there.
# Sourced by ../divshare, after common.sh.

# ns-3 built from source, optimized and with MPI, with this module in contrib/ and the patches
# in ns3-patches/ applied: the tree is DIVSHARE_NS3_TREE, or Debian's source package of the
# installed ns-3, fetched once into build-ns3/.
ns3_tree() {
    if [ -n "${DIVSHARE_NS3_TREE:-}" ]; then
        [ -x "$DIVSHARE_NS3_TREE/ns3" ] ||
            { say "DIVSHARE_NS3_TREE=$DIVSHARE_NS3_TREE: no ns3 script there; give an ns-3 3.37 tree"; exit 1; }
        echo "$DIVSHARE_NS3_TREE"
        return
    fi
    local found
    found="$(ls -d "$here"/build-ns3/ns3-*/ns-3.* 2>/dev/null | head -n 1)"
    if [ -z "$found" ]; then
        local version
        version="$(dpkg-query -W -f='${source:Version}' libns3-dev)"
        mkdir -p "$here/build-ns3"
        if ! (cd "$here/build-ns3" && apt-get source -qq "ns3=$version" >&2); then
            # No deb-src entry: add one for the archive the installed packages come from (its
            # first deb entry, in either of apt's formats).
            local list=/etc/apt/sources.list.d/divshare-deb-src
            if [ -f /etc/apt/sources.list.d/debian.sources ]; then
                sed -n '/^Types: deb$/,/^$/p' /etc/apt/sources.list.d/debian.sources |
                    sed -n '1,/^$/p' | sed 's/^Types: deb$/Types: deb-src/' >"$list.sources"
            elif grep -q '^deb ' /etc/apt/sources.list 2>/dev/null; then
                grep -m 1 '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' >"$list.list"
            else
                say "no deb-src entry and no Debian deb entry to derive one from: add a deb-src"
                say "line for Debian's archive to /etc/apt/sources.list, or set DIVSHARE_NS3_TREE"
                exit 1
            fi
            say "added a deb-src entry for Debian's archive ($(ls "$list".*))"
            apt-get update -qq
            (cd "$here/build-ns3" && apt-get source -qq "ns3=$version" >&2)
        fi
        found="$(ls -d "$here"/build-ns3/ns3-*/ns-3.* | head -n 1)"
    fi
    echo "$found"
}

build_ns3_source() {
    packages+=(dpkg-dev libopenmpi-dev openmpi-bin)
    install_packages
    local tree
    tree="$(ns3_tree)"
    # contrib/divshare links to this checkout's sources, not to the checkout itself: the tree
    # lies inside it (build-ns3/), and a link to it would make a cycle.
    mkdir -p "$tree/contrib/divshare"
    local entry
    for entry in "$here"/*; do
        case "$(basename "$entry")" in
            build* | results) ;;
            *) ln -sfn "$entry" "$tree/contrib/divshare/$(basename "$entry")" ;;
        esac
    done
    # Patches are made for one ns-3 version (ns-VERSION-what.patch). The tree keeps a copy of
    # each one applied, so that a newer version of a patch replaces the older one.
    local patch version applied
    version="$(cat "$tree/VERSION" 2>/dev/null || echo unknown)"
    mkdir -p "$tree/.divshare-patches"
    for patch in "$here/ns3-patches/ns-$version-"*.patch; do
        [ -e "$patch" ] || { say "no patches for ns-3 $version in ns3-patches/: building it as it is"; continue; }
        applied="$tree/.divshare-patches/$(basename "$patch")"
        if [ -f "$applied" ]; then
            cmp -s "$applied" "$patch" && continue
            say "taking out the older $(basename "$patch")"
            patch -d "$tree" -p1 -R -s -f <"$applied" ||
                { say "the older $(basename "$patch") does not come out of $tree: remove build-ns3/"; exit 1; }
            rm "$applied"
        fi
        say "applying $(basename "$patch")"
        patch -d "$tree" -p1 -s -f <"$patch" ||
            { say "$patch does not apply to $tree (patched by hand, or by an older version of it: remove build-ns3/)"; exit 1; }
        cp "$patch" "$applied"
    done
    # csma: ns-3 3.37's system tests use it whenever point-to-point and applications are built.
    local configure=(-d optimized --enable-mpi "--enable-modules=divshare;csma" --enable-examples
                     --enable-tests --disable-werror)
    local stamp="$tree/cmake-cache/divshare-configure.txt"
    if [ "$(cat "$stamp" 2>/dev/null)" != "${configure[*]}" ]; then
        say "configuring ns-3 in $tree (optimized, MPI, this module and its dependencies)"
        (cd "$tree" && /usr/bin/python3 ./ns3 configure "${configure[@]}" >&2)
        echo "${configure[*]}" >"$stamp"
    fi
    say "building ns-3 and this module in $tree (-j$jobs)"
    # What ./ns3 build runs, but with $jobs: ns3 caps its -j at one less than the cores.
    cmake --build "$tree/cmake-cache" -j "$jobs" >&2
}

# In the source tree: this module's test suites, and ns-3's own TCP and UDP suites, which the
# end-point patch must leave passing; then the quick start, and distributed runs (MPI) against
# one process.
test_ns3_source() {
    build_ns3_source
    local tree suite failed=0
    tree="$(ns3_tree)"
    local suites
    suites="$(cd "$tree" && /usr/bin/python3 ./test.py --no-build --list 2>/dev/null |
        awk '$1 != "example" {print $NF}' | grep -E '^(divshare-|tcp-|ns3-tcp-|udp$|ipv4-)' | sort -u)"
    for suite in $suites; do
        if (cd "$tree" && /usr/bin/python3 ./test.py --no-build -s "$suite" >/dev/null 2>&1); then
            echo "PASS: $suite"
        else
            echo "FAIL: $suite (cd $tree && ./test.py --no-build -s $suite --verbose)"
            failed=$((failed + 1))
        fi
    done
    (cd "$tree" && /usr/bin/python3 ./ns3 run --no-build "divshare-quickstart --nodes=6 \
        --stragglers=2 --degree=2 --duration=4 --output=$tree/results/quickstart" >/dev/null) ||
        { echo "FAIL: the quick start in $tree"; failed=$((failed + 1)); }
    /usr/bin/python3 "$here/test/check-distributed.py" "$tree" || failed=$((failed + 1))
    [ "$failed" -eq 0 ] || { say "$failed failed"; exit 1; }
}
