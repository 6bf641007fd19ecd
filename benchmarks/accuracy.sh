#!/usr/bin/env bash
# benchmarks/accuracy.sh [--calibrate [--budget D]] [--zoo] [--device NAME|DIR] [--pytorch] [accuracy.py options]
# Predicted vs measured latency and memory of the shared networks (and, with
# --zoo, of the torchvision networks benchmarks/torchvision_zoo.sh exported
# to build/zoo) at batch 1 and 8, threads 1 and 2, utilization 0 and 50%,
# with the built-in reference-cpu profile unless --device names another; every
# configuration is measured again after all the others (--passes N, default 3: the median of three outvotes one slow phase)
# and the errors are printed next to how far the passes differ.
# --calibrate first adapts reference-cpu to this machine (3-minute job on the
# shared networks' layers; in-network factors, operator costs and the
# per-operator overhead measured on the zoo's resnet50, mobilenet_v3_large,
# efficientnet_b0, vit_b_16, googlenet, densenet121 and regnet_y_400mf where
# exported, else on resnet18 and mobilenet_v2) into
# build/calibrated-profile and predicts with that; --budget D gives its module
# sampling another time budget (calibrate's --budget: 3m, 12m, 1h).
# --json FILE keeps every measurement (per-layer times by name and the speed
# reference's timings too); --repredict FILE --device DIR measures nothing and
# predicts those measurements again with another profile, so that profiles
# are compared on the same measurements of a noisy machine.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
models="${LAYERLENS_SHARED_MODELS:-$LAYERLENS_ROOT/../shared/models}"
networks="$models/resnet18.onnx,$models/mobilenet_v2.onnx,$models/squeezenet1_1.onnx,$models/shufflenet_v2_x1_0.onnx"
args=()
python=python3
calibrate=0
budget=3m
while [ $# -gt 0 ]; do
    a="$1"
    shift
    case "$a" in
        --calibrate) calibrate=1 ;;
        --budget)
            [ $# -gt 0 ] || { echo "accuracy.sh: --budget needs a duration (3m, 12m, 1h)" >&2; exit 2; }
            budget="$1"
            shift ;;
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
if [ "$calibrate" = 1 ]; then
    # The in-network corrections and the per-operator overhead are measured on
    # networks other than the ones evaluated where the zoo has been exported.
    # Seven families, GoogLeNet's and DenseNet's concatenations and RegNet's
    # grouped convolutions beside the first four: 16 stored pairs of
    # calibration and measurement (session 27) came out at 4.98 % instead of
    # 7.55 % at one thread, 7.04 % instead of 8.66 % at two and 9.12 % instead
    # of 10.33 % over all 32 configurations, and four fresh runs at 2.17-5.62 %
    # at one thread (README, session 27).
    calibration_networks=()
    for z in resnet50 mobilenet_v3_large efficientnet_b0 vit_b_16 googlenet densenet121 \
        regnet_y_400mf; do
        f="$LAYERLENS_BUILD/zoo/$z/model.onnx"
        [ -f "$f" ] && calibration_networks+=(--networks "$f")
    done
    if [ ${#calibration_networks[@]} = 0 ]; then
        log "No exported zoo (benchmarks/torchvision_zoo.sh): calibrating on resnet18 and mobilenet_v2, which are also evaluated"
        calibration_networks=(--networks "$models/resnet18.onnx" --networks "$models/mobilenet_v2.onnx")
    fi
    log "Calibrating reference-cpu to this machine"
    "$LAYERLENS_BUILD/bin/layerlens-cli" calibrate --out "$LAYERLENS_BUILD/calibrated-profile" \
        --budget "$budget" --db "$LAYERLENS_BUILD/calibration.sqlite" --harvest "$models" \
        "${calibration_networks[@]}"
    args+=(--device "$LAYERLENS_BUILD/calibrated-profile")
fi
exec "$python" "$LAYERLENS_ROOT/benchmarks/accuracy.py" \
    --cli "$LAYERLENS_BUILD/bin/layerlens-cli" --networks "$networks" "${args[@]}"
