#!/usr/bin/env python3
"""Exports torchvision classification networks to ONNX (opset 13, random
weights, symbolic batch) with Debian's PyTorch, then runs `layerlens-cli
analyze` and `layerlens-cli measure` on each and prints one line per network.

Each export lands in OUT/<name>/model.onnx beside test_data_set_0/ holding an
input and PyTorch's own output for it (ONNX backend-test layout), and
`layerlens-cli conformance OUT` then checks LayerLens's outputs against
PyTorch's, network by network.
"""
import argparse
import json
import os
import subprocess
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch  # noqa: E402
import torchvision  # noqa: E402

DEFAULT = ("resnet50,efficientnet_b0,densenet121,mobilenet_v3_large,regnet_y_400mf,googlenet,"
           "inception_v3,shufflenet_v2_x0_5,"
           "convnext_tiny,vit_b_16,swin_t")
# Fourteen more that run and agree with PyTorch (session 18): `--networks all`
# exports these too, for `accuracy.sh --zoo` on networks nobody calibrated on.
EXTRA = ("alexnet,vgg11,squeezenet1_0,mnasnet1_0,mobilenet_v3_small,resnext50_32x4d,"
         "wide_resnet50_2,efficientnet_b3,efficientnet_v2_s,regnet_x_800mf,shufflenet_v2_x1_5,"
         "vit_b_32,convnext_small,densenet169")


def varint(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def tensor_proto(tensor):
    """A float32 ONNX TensorProto: dims (field 1), data_type (2), raw_data (9)."""
    out = bytearray()
    for d in tensor.shape:
        out += b"\x08" + varint(d)
    out += b"\x10" + varint(1)
    raw = tensor.contiguous().numpy().astype("<f4").tobytes()
    out += b"\x4a" + varint(len(raw)) + raw
    return bytes(out)


def export(name, folder):
    path = os.path.join(folder, "model.onnx")
    if os.path.exists(path):
        return path
    os.makedirs(os.path.join(folder, "test_data_set_0"), exist_ok=True)
    torch.manual_seed(0)
    model = getattr(torchvision.models, name)(weights=None).eval()
    x = torch.randn(1, 3, 224, 224)
    torch.onnx.export(model, x, path, opset_version=13, input_names=["input"],
                      output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})
    with torch.no_grad():
        y = model(x)
    for file, t in (("input_0.pb", x), ("output_0.pb", y)):
        with open(os.path.join(folder, "test_data_set_0", file), "wb") as f:
            f.write(tensor_proto(t))
    return path


def run(cli, *args):
    p = subprocess.run([cli, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr.strip().splitlines()[-1:] or [""]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--out", required=True, help="folder for the exported files")
    parser.add_argument("--networks", default=DEFAULT,
                        help="comma-separated torchvision names, or 'all' for the default "
                             "list and fourteen more")
    parser.add_argument("--max-time", default="4")
    args = parser.parse_args()
    if args.networks == "all":
        args.networks = DEFAULT + "," + EXTRA
    os.makedirs(args.out, exist_ok=True)
    print(f"{'network':<20}{'nodes':>6}{'GMACs':>8}{'params M':>10}{'unsup.':>7}"
          f"{'median ms':>11}{'cv %':>6}{'runs':>6}  status")
    failures = 0
    for name in args.networks.split(","):
        t0 = time.time()
        path = export(name, os.path.join(args.out, name))
        code, out, err = run(args.cli, "analyze", path, "--format", "json")
        if code != 0:
            print(f"{name:<20} analyze failed: {err[0]}")
            failures += 1
            continue
        a = json.loads(out)
        code, out, err = run(args.cli, "measure", path, "--max-time", args.max_time, "--format",
                             "json")
        if code != 0:
            print(f"{name:<20}{len(a['layers']):>6}{a['totals']['macs'] / 1e9:>8.2f}"
                  f"{a['totals']['params'] / 1e6:>10.2f}{len(a['unsupported']):>7}  "
                  f"measure failed: {err[0]}")
            failures += 1
            continue
        m = json.loads(out)
        lat = m["latency_ms"]
        print(f"{name:<20}{len(a['layers']):>6}{a['totals']['macs'] / 1e9:>8.2f}"
              f"{a['totals']['params'] / 1e6:>10.2f}{len(a['unsupported']):>7}"
              f"{lat['median']:>11.2f}{lat['cv'] * 100:>6.1f}{lat['runs']:>6}  ok "
              f"({time.time() - t0:.0f} s)", flush=True)
    code, out, err = run(args.cli, "conformance", args.out, "--format", "json")
    report = json.loads(out) if out else {"cases": []}
    print("\noutputs against PyTorch's own (rtol 1e-3, atol 1e-5):")
    for case in report["cases"]:
        if case["name"] in args.networks.split(","):
            print(f"  {case['name']:<20}{case['status']:<12}{case['detail']}")
            failures += case["status"] != "passed"
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
