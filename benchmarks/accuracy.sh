#!/usr/bin/env bash
# benchmarks/accuracy.sh [--zoo] [--device NAME|DIR] [--pytorch] [accuracy.py options]
# Predicted vs measured latency and memory of the shared networks (and, with
# --zoo, of the torchvision networks benchmarks/torchvision_zoo.sh exported
# to build/zoo) at batch 1 and 8, threads 1 and 2, utilization 0 and 50%,
# with the built-in reference-cpu profile unless --device names another.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
models="${LAYERLENS_SHARED_MODELS:-$LAYERLENS_ROOT/../shared/models}"
networks="$models/resnet18.onnx,$models/mobilenet_v2.onnx,$models/squeezenet1_1.onnx,$models/shufflenet_v2_x1_0.onnx"
args=()
python=python3
for a in "$@"; do
    case "$a" in
        --zoo)
            for f in "$LAYERLENS_BUILD"/zoo/*/model.onnx; do
                [ -f "$f" ] && networks="$networks,$f"
            done ;;
        --pytorch)
            LAYERLENS_PACKAGES+=(python3-torch python3-torchvision)
            python=/usr/bin/python3 # Debian's torch is installed for this one
            args+=("$a") ;;
        *) args+=("$a") ;;
    esac
done
ensure_packages
build_layerlens
exec "$python" "$LAYERLENS_ROOT/benchmarks/accuracy.py" \
    --cli "$LAYERLENS_BUILD/bin/layerlens-cli" --networks "$networks" "${args[@]}"
