# Shared by scripts/run, scripts/test and the benchmarks: installs what
# LayerLens needs from Debian and builds it. Source it; do not run it.

LAYERLENS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAYERLENS_BUILD="${LAYERLENS_BUILD:-$LAYERLENS_ROOT/build}"

# Debian 12 packages the build, the tests and the main job need.
LAYERLENS_PACKAGES=(
    g++ cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n fonts-wqy-microhei libqt6sql6-sqlite libgl1-mesa-dev libqcustomplot-dev
    libonnx-dev libprotobuf-dev protobuf-compiler
    libtorch-dev libopenblas0-pthread libeigen3-dev libxgboost-dev xgboost
    libonnx-testdata
    time openssl
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the missing packages; runs apt-get update only when some are missing.
ensure_packages() {
    local missing=()
    local pkg
    for pkg in "${LAYERLENS_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "Installing ${#missing[@]} missing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "error: need root (or sudo) to install: ${missing[*]}" >&2; return 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Configures (Release, Ninja, ccache when present) and builds everything.
build_layerlens() {
    local launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    if [ ! -f "$LAYERLENS_BUILD/CMakeCache.txt" ]; then
        log "Configuring in $LAYERLENS_BUILD"
        cmake -S "$LAYERLENS_ROOT" -B "$LAYERLENS_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            "${launcher[@]}" >/dev/null
    fi
    log "Building"
    cmake --build "$LAYERLENS_BUILD" --parallel "$(nproc)"
}
