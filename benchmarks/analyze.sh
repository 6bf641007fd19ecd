#!/usr/bin/env bash
# benchmarks/analyze.sh [MODEL.onnx] [RUNS]
# Whole-process time and peak memory of `layerlens-cli analyze` on a model
# (default: the shared resnet18.onnx), against two references measured in the
# same run: the CLI's bare start-up (--version) and reading the file (cat).
# Targets of the foundation issue: <= 0.5 s and <= 2x the file size in memory.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"

model="${1:-$LAYERLENS_ROOT/../shared/models/resnet18.onnx}"
runs="${2:-15}"
cli="$LAYERLENS_BUILD/bin/layerlens-cli"
[ -x "$cli" ] || { ensure_packages; build_layerlens; }
[ -f "$model" ] || { echo "error: no such model: $model" >&2; exit 1; }
command -v /usr/bin/time >/dev/null 2>&1 || { echo "error: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

# measure NAME CMD...: runs CMD $runs times (after one warm-up) and prints the
# median, min and max wall time in ms (time's own fork included) and the
# largest peak RSS in KiB.
measure() {
    local name="$1"; shift
    "$@" >/dev/null 2>&1
    local times=() rss=0 stats start end r
    stats=$(mktemp)
    for _ in $(seq "$runs"); do
        start=$(date +%s%N)
        /usr/bin/time -o "$stats" -f '%M' "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        times+=("$(( (end - start) / 1000000 ))")
        r=$(tail -1 "$stats")
        [ "$r" -gt "$rss" ] && rss=$r
    done
    rm -f "$stats"
    local sorted; sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    local median; median=$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$sorted")
    printf '%-28s median %5d ms  (min %d, max %d, %d runs)  peak RSS %7d KiB\n' \
        "$name" "$median" "$(head -1 <<<"$sorted")" "$(tail -1 <<<"$sorted")" "$runs" "$rss"
    eval "${name//[^a-z]/_}_ms=$median; ${name//[^a-z]/_}_rss=$rss"
}

size=$(stat -c %s "$model")
echo "model: $model ($((size / 1024)) KiB), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
measure "startup" "$cli" --version
measure "read" cat "$model"
measure "analyze" "$cli" analyze "$model" --format json
awk -v a="$analyze_ms" -v s="$startup_ms" -v r="$analyze_rss" -v f="$size" 'BEGIN {
    printf "analyze: %.3f s wall (target <= 0.5 s), %.1f x start-up; peak RSS %.2f x file size (target <= 2)\n",
        a / 1000, (s > 0 ? a / s : 0), r * 1024 / f }'
