#!/usr/bin/env python3
"""LayerLens executor vs PyTorch on the same architectures, in one run.

For each network and batch size, alternates rounds of PyTorch (torchvision
model, traced and frozen with torch.jit.freeze, the same thread count,
denormals flushed) and `layerlens-cli measure` on the shared ONNX file, and
reports the median of the round medians for each, their ratio (LayerLens /
PyTorch; below 1 means LayerLens is faster), and the spread between rounds.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def _pin_openblas():
    threads = "1"
    if "--threads" in sys.argv:
        threads = sys.argv[sys.argv.index("--threads") + 1]
    # OpenBLAS's pool as LayerLens's executor sets it: one thread beside
    # ATen's OpenMP threads unless LAYERLENS_BLAS_THREADS says otherwise.
    os.environ["OPENBLAS_NUM_THREADS"] = os.environ.get("LAYERLENS_BLAS_THREADS", "1")
    os.environ["OMP_NUM_THREADS"] = threads


_pin_openblas()
import torch  # noqa: E402  (after the thread pinning)
import torchvision  # noqa: E402


def torch_round(model, batch, runs):
    x = torch.randn(batch, 3, 224, 224)
    times = []
    with torch.no_grad():
        for _ in range(3):
            model(x)
        for _ in range(runs):
            t0 = time.perf_counter()
            model(x)
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def layerlens_round(cli, onnx, batch, threads, seconds):
    out = subprocess.run([cli, "measure", onnx, "--batch", str(batch), "--threads", str(threads),
                          "--max-time", str(seconds), "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    return result["latency_ms"]["median"], result["repeatability"]["repeatable"]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    # OpenBLAS keeps its own thread pool, which torch.set_num_threads does not
    # reach; it must be pinned before torch loads, or the reference would use
    # more cores than LayerLens does.
    parser.add_argument("--cli", required=True)
    parser.add_argument("--models", required=True, help="folder of the shared ONNX networks")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--networks", default="resnet18,mobilenet_v2")
    parser.add_argument("--batches", default="1,8")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.set_flush_denormal(True)
    print(f"torch {torch.__version__}, torchvision {torchvision.__version__}, "
          f"{args.threads} thread(s), {args.rounds} interleaved rounds each")
    print(f"{'network':<14}{'batch':>6}{'PyTorch ms':>12}{'spread':>9}"
          f"{'LayerLens ms':>14}{'spread':>9}{'ratio':>8}  repeatable")
    for name in args.networks.split(","):
        model = getattr(torchvision.models, name)(weights=None).eval()
        for batch in [int(b) for b in args.batches.split(",")]:
            example = torch.randn(batch, 3, 224, 224)
            with torch.no_grad():
                frozen = torch.jit.freeze(torch.jit.trace(model, example))
            ours, theirs, repeatable = [], [], []
            runs = 20 if batch == 1 else 6
            for _ in range(args.rounds):
                theirs.append(torch_round(frozen, batch, runs))
                median, ok = layerlens_round(args.cli, f"{args.models}/{name}.onnx", batch,
                                             args.threads, 10)
                ours.append(median)
                repeatable.append(ok)
            t, o = statistics.median(theirs), statistics.median(ours)
            spread_t = (max(theirs) - min(theirs)) / t * 100
            spread_o = (max(ours) - min(ours)) / o * 100
            print(f"{name:<14}{batch:>6}{t:>12.2f}{spread_t:>8.1f}%{o:>14.2f}{spread_o:>8.1f}%"
                  f"{o / t:>8.2f}  {sum(repeatable)}/{len(repeatable)}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
