#!/usr/bin/env bash
# benchmarks/executor_vs_pytorch.sh [--threads T] [--rounds R] [--networks a,b] [--batches 1,8]
# Installs PyTorch's Debian build if missing, builds LayerLens, and compares
# the executor with frozen TorchScript on the shared networks (see the .py).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
LAYERLENS_PACKAGES+=(python3-torch python3-torchvision)
ensure_packages
build_layerlens
# Debian's interpreter: python3-torch is installed for it, not for other pythons on PATH.
exec /usr/bin/python3 "$LAYERLENS_ROOT/benchmarks/executor_vs_pytorch.py" \
    --cli "$LAYERLENS_BUILD/bin/layerlens-cli" \
    --models "${LAYERLENS_SHARED_MODELS:-$LAYERLENS_ROOT/../shared/models}" "$@"
