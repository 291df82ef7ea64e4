# shellcheck shell=bash
# What every command of ../divshare needs: paths, the Debian packages, the main build.
# Sourced by ../divshare.

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${DIVSHARE_BUILD_DIR:-$here/build}"
jobs="${DIVSHARE_JOBS:-2}"

# libgomp (LibTorch's thread pool) busy-waits between parallel regions by default; on a busy
# machine that starves the simulator's own thread. It reads this before main(), so set it here.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"

packages=(build-essential cmake ninja-build libns3-dev ns3 libgsl-dev libsqlite3-dev
          libxml2-dev libtorch-dev libboost-dev libboost-program-options-dev python3-matplotlib)

say() { printf '\033[1mdivshare:\033[0m %s\n' "$*" >&2; }

install_packages() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null; then
            sudo="sudo"
        else
            say "missing Debian packages: ${missing[*]}"
            say "install them as root: apt-get install -y ${missing[*]}"
            exit 1
        fi
    fi
    say "installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

build_all() {
    install_packages
    if [ ! -f "$build/build.ninja" ]; then
        say "configuring in $build"
        cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    fi
    say "building (-j$jobs)"
    cmake --build "$build" -j "$jobs"
}
