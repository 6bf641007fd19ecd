#!/usr/bin/env bash
# benchmarks/torchvision_zoo.sh [--networks a,b|all] [--max-time S]
# Exports torchvision networks beyond the shared four to ONNX (cached in
# build/zoo) and checks that LayerLens analyses and runs every one.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
LAYERLENS_PACKAGES+=(python3-torch python3-torchvision)
ensure_packages
build_layerlens
# Debian's interpreter: python3-torch is installed for it, not for other pythons on PATH.
exec /usr/bin/python3 "$LAYERLENS_ROOT/benchmarks/torchvision_zoo.py" \
    --cli "$LAYERLENS_BUILD/bin/layerlens-cli" --out "$LAYERLENS_BUILD/zoo" "$@"
