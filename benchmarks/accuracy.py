#!/usr/bin/env python3
"""Predicted vs measured latency and memory, per network and per layer.

For every network, batch size, thread count and utilization asked for, runs
`layerlens-cli measure --per-layer` (the measurement harness) and
`layerlens-cli predict --per-layer` with a device profile, and prints the
error of the whole-network latency and memory and of every layer block,
next to the measurement's own noise: each run's spread, how far the whole
network's median moves when measured again after all the others
(--passes; a configuration whose passes scatter is measured again until
its median is known within --settle %, up to --max-passes), and how far
pass 2's per-layer timing repeats pass 1's. The
machine's speed is timed too (`calibrate --check`: a fixed small network)
before every pass and after the last, against the speed the
profile recorded when it was calibrated; a second summary scales the
predictions by that ratio, to show how much of the error is the machine's
phase rather than the models; a third scales them by one factor fitted on
the run's own measurements (the median of measured over predicted: in
sample, one parameter), to show how well the profile relates networks and
configurations whatever the hour's speed. With --pytorch, PyTorch itself
(torchvision's model of the same name, frozen TorchScript, same threads)
is measured too as an outside reference.
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time


def run_json(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def pytorch_ms(name, batch, threads):
    # OpenBLAS's own pool as LayerLens's executor sets it: one thread beside
    # ATen's unless LAYERLENS_BLAS_THREADS says otherwise (read once, when
    # torch first loads).
    os.environ["OPENBLAS_NUM_THREADS"] = os.environ.get("LAYERLENS_BLAS_THREADS", "1")
    import torch
    import torchvision
    torch.set_num_threads(threads)
    torch.set_flush_denormal(True)
    model = getattr(torchvision.models, name)(weights=None).eval()
    x = torch.randn(batch, 3, 224, 224)
    with torch.no_grad():
        frozen = torch.jit.freeze(torch.jit.trace(model, x))
        for _ in range(3):
            frozen(x)
        times = []
        deadline = time.perf_counter() + 5
        while len(times) < 5 or (time.perf_counter() < deadline and len(times) < 50):
            t0 = time.perf_counter()
            frozen(x)
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def speed_check(cli, device):
    """The speed reference now: (median ms, ratio to the profile's or None)."""
    d = run_json([cli, "calibrate", "--check", "--base", device, "--format", "json"])
    return d["now"]["median_ms"], d["ratio"]


def ape(predicted, measured):
    return abs(predicted - measured) / measured * 100


def print_modules(rows):
    """Per-layer error by module (or operator without one), worst share of
    the measured time first: which models the per-layer MAPE comes from."""
    by_module = {}
    for row in rows:
        for module, measured, predicted in row.get("layer_pairs", []):
            entry = by_module.setdefault(module, [[], 0.0])
            entry[0].append((predicted - measured) / measured * 100)
            entry[1] += measured
    if not by_module:
        return
    total = sum(e[1] for e in by_module.values())
    print(f"  {'module':<26}{'layers':>7}{'share':>7}{'MAPE':>8}{'median err':>12}")
    for module, (errors, ms) in sorted(by_module.items(), key=lambda kv: -kv[1][1]):
        print(f"  {module[:25]:<26}{len(errors):>7}{ms / total * 100:>6.1f}%"
              f"{statistics.mean(abs(e) for e in errors):>7.1f}%"
              f"{statistics.median(errors):>+11.1f}%")


def predict_row(cli, device, path, row, measured_layers):
    """Predicts the row's configuration with the profile `device` and fills
    in the prediction, its error per block against measured_layers
    ({node name: ms}, pass 1's per-layer timing) and memory."""
    predicted = run_json([cli, "predict", path, "--per-layer", "--device", device,
                          "--batch", str(row["batch"]), "--threads", str(row["threads"]),
                          "--utilization", str(row["utilization"]), "--format", "json"])
    # Per block: the measured times of its nodes (medians; means under
    # background load, where a short layer's median hides the load),
    # summed. A node the executor fused into another step (a channel
    # shuffle's Reshapes) has no time of its own; a block none of whose
    # nodes ran as a step is left out.
    layer_errors = []
    layer_pairs = []  # [module or operators, measured ms, predicted ms]
    # The same blocks timed again in pass 2, where it timed layers: how far
    # the measurement itself repeats per layer (the floor under the error).
    again = row.get("layer_times_pass2", {})
    layer_noise = []
    layer_errors_two = []  # against the mean of both timings
    layer_inside = 0  # measured within the layer's predicted interval
    layer_widths = []  # the interval's high over its low
    for layer in predicted["layers"]:
        if layer["latency_ms"] is None:
            continue
        times = [measured_layers[n] for n in layer["nodes"] if n in measured_layers]
        total = sum(times)
        if total > 0:
            layer_errors.append(ape(layer["latency_ms"], total))
            layer_pairs.append([layer.get("module") or layer.get("op", "?"), total,
                                layer["latency_ms"]])
            low, high = layer["latency_ms_interval"]
            layer_inside += low <= total <= high
            if low > 0:
                layer_widths.append(high / low)
            second = sum(again[n] for n in layer["nodes"] if n in again)
            if second > 0:
                layer_noise.append(ape(second, total))
                layer_errors_two.append(ape(layer["latency_ms"], (total + second) / 2))
    row["predicted_ms"] = predicted["totals"]["latency_ms"]
    row["predicted_interval"] = predicted["totals"]["latency_ms_interval"]
    row["layer_inside_share"] = layer_inside / len(layer_errors) if layer_errors else None
    row["layer_interval_width"] = statistics.median(layer_widths) if layer_widths else None
    row["layer_mape"] = statistics.mean(layer_errors) if layer_errors else None
    row["layers"] = len(layer_errors)
    row["layer_pairs"] = layer_pairs
    row["layer_noise_pct"] = statistics.mean(layer_noise) if layer_noise else None
    row["layer_mape_two_passes"] = (statistics.mean(layer_errors_two) if layer_errors_two
                                    else None)
    row["predicted_memory"] = predicted["totals"]["memory_bytes"]
    m_mem = row["measured_memory"]
    row["memory_error_pct"] = ape(row["predicted_memory"], m_mem) if m_mem > 0 else None
    row["predict_us"] = predicted["timing"]["predict_us"]


def median_uncertainty_pct(passes):
    """How uncertain the median of the passes is, in %: the standard error of
    their mean log (the passes' standard deviation over the square root of
    their number); None for a single pass."""
    if len(passes) < 2:
        return None
    logs = [math.log(p) for p in passes]
    return statistics.stdev(logs) / math.sqrt(len(logs)) * 100


def finish_rows(rows, pass_ratios):
    """The measured latency is the median of the passes' medians; a pass
    difference is the spread of the first three passes around it (extra
    passes of a noisy configuration would widen it by their number alone),
    the median's uncertainty that of every pass."""
    for row in rows:
        passes = row["passes_ms"]
        row["measured_ms"] = statistics.median(passes)
        first = passes[:3]
        row["pass_difference_pct"] = (max(first) - min(first)) / row["measured_ms"] * 100
        row["median_uncertainty_pct"] = median_uncertainty_pct(passes)
        row["error_pct"] = ape(row["predicted_ms"], row["measured_ms"])
        if row.get("predicted_interval"):
            low, high = row["predicted_interval"]
            row["inside_interval"] = low <= row["measured_ms"] <= high
        row.pop("speed_ratio", None)
        row.pop("speed_scaled_error_pct", None)
        row.pop("layer_mape_speed_scaled", None)
        if pass_ratios:
            row["speed_ratio"] = statistics.median(pass_ratios[:len(passes)])
            row["speed_scaled_error_pct"] = ape(row["predicted_ms"] * row["speed_ratio"],
                                                row["measured_ms"])
            # The per-layer timings come from pass 1: scaled by its own speed.
            pairs = row.get("layer_pairs", [])
            if pairs:
                row["layer_mape_speed_scaled"] = statistics.mean(
                    ape(p * pass_ratios[0], m) for _, m, p in pairs)


def print_summaries(rows, pass_ratios, passes, repeat_within):
    def summary(label, subset, key="error_pct"):
        if not subset:
            return
        errors = [r[key] for r in subset]
        diffs = [r["pass_difference_pct"] for r in subset]
        line = (f"{label:<34}{len(subset):>4}  MAPE {statistics.mean(errors):6.2f}%  "
                f"within ±10% {sum(e <= 10 for e in errors):>2}/{len(errors):<3}"
                f"worst {max(errors):6.1f}%")
        if passes > 1:
            line += (f"  passes differ {statistics.mean(diffs):5.1f}% "
                     f"(max {max(diffs):5.1f}%)")
            known = [r["median_uncertainty_pct"] for r in subset
                     if r.get("median_uncertainty_pct") is not None]
            if known:
                line += (f"  median +-{statistics.mean(known):4.1f}% "
                         f"({max(len(r['passes_ms']) for r in subset)} passes at most)")
        print(line)

    print()
    print("whole-network latency against the median of the passes:")
    summary("all configurations", rows)
    conditions = sorted({(r["threads"], r["utilization"]) for r in rows})
    for threads, util in conditions:
        summary(f"  {threads} thread(s), {util}% load",
                [r for r in rows if r["threads"] == threads and r["utilization"] == util])
    if passes > 1:
        summary(f"  passes within {repeat_within:g}% of each other",
                [r for r in rows if r["pass_difference_pct"] <= repeat_within])
    if pass_ratios:
        print("the same with every prediction scaled by the machine's speed against the "
              "profile's calibration (x" + ", x".join(f"{r:.3f}" for r in pass_ratios)
              + " in the passes):")
        summary("all configurations", rows, "speed_scaled_error_pct")
        for threads, util in conditions:
            summary(f"  {threads} thread(s), {util}% load",
                    [r for r in rows if r["threads"] == threads and r["utilization"] == util],
                    "speed_scaled_error_pct")
    else:
        print("(the profile recorded no speed reference, or the speed reference's timings "
              "were not stored: no speed-scaled summary)")
    # How well the profile relates the configurations to each other, whatever
    # the hour's speed: one factor, fitted on these very measurements.
    level = statistics.median(r["measured_ms"] / r["predicted_ms"] for r in rows
                              if r["predicted_ms"] > 0)
    for r in rows:
        r["level_scaled_error_pct"] = ape(r["predicted_ms"] * level, r["measured_ms"])
    print(f"the same with one factor for the hour's level, fitted on these measurements "
          f"(x{level:.3f}, the median of measured over predicted; in sample):")
    summary("all configurations", rows, "level_scaled_error_pct")
    for threads, util in conditions:
        summary(f"  {threads} thread(s), {util}% load",
                [r for r in rows if r["threads"] == threads and r["utilization"] == util],
                "level_scaled_error_pct")
    memory = [r["memory_error_pct"] for r in rows if r["memory_error_pct"] is not None]

    def per_layer(heading, key):
        """The mean of a per-configuration figure, overall and per condition."""
        have = [r for r in rows if r.get(key) is not None]
        if not have:
            return
        print(f"{heading}{statistics.mean(r[key] for r in have):.2f}%")
        for threads, util in conditions:
            values = [r[key] for r in have
                      if r["threads"] == threads and r["utilization"] == util]
            if values:
                print(f"  {threads} thread(s), {util}% load: {statistics.mean(values):.2f}%")

    per_layer("per-layer latency: mean of per-configuration MAPE ", "layer_mape")
    if pass_ratios:
        per_layer(f"per-layer latency with predictions scaled by pass 1's speed "
                  f"(x{pass_ratios[0]:.3f}): ", "layer_mape_speed_scaled")
    per_layer("per-layer latency against the mean of passes 1 and 2's timings: MAPE ",
              "layer_mape_two_passes")
    per_layer("per-layer measurement noise, pass 2's timing of the same blocks against pass 1's: "
              "MAPE ", "layer_noise_pct")
    print_modules(rows)
    print_intervals(rows, conditions)
    if memory:
        print(f"memory: MAPE {statistics.mean(memory):.2f}%, worst {max(memory):.1f}%")
    cvs = [r["measured_cv"] * 100 for r in rows]
    print(f"measurement noise: median CV {statistics.median(cvs):.1f}% "
          f"(max {max(cvs):.1f}%), repeatable {sum(r['repeatable'] for r in rows)}/{len(rows)}; "
          f"predict_us median {statistics.median(r['predict_us'] for r in rows):.0f}")


def print_intervals(rows, conditions):
    """How often the measurement falls inside the predicted 90% interval,
    whole network and per layer, and how wide the intervals are."""
    have = [r for r in rows if r.get("predicted_interval") and r.get("layer_inside_share")
            is not None]
    if not have:
        return
    print("measured inside the predicted 90% interval (whole network; share of layers; "
          "median interval width):")

    def line(label, subset):
        halves = [(r["predicted_interval"][1] - r["predicted_interval"][0]) / 2
                  / r["predicted_ms"] * 100 for r in subset]
        print(f"  {label:<28}{sum(r['inside_interval'] for r in subset):>3}/{len(subset):<3}"
              f"  layers {statistics.mean(r['layer_inside_share'] for r in subset) * 100:5.1f}%"
              f"  width: network +-{statistics.median(halves):.1f}%, layer high/low "
              f"x{statistics.median(r['layer_interval_width'] for r in subset):.2f}")

    line("all configurations", have)
    for threads, util in conditions:
        subset = [r for r in have if r["threads"] == threads and r["utilization"] == util]
        if subset:
            line(f"{threads} thread(s), {util}% load", subset)


def recorded_speed_ms(device):
    """The speed reference the profile recorded when calibrated (median ms),
    from its manifest: a folder, a built-in profile of this source tree or a
    saved one; None where it recorded none."""
    here = os.path.dirname(os.path.abspath(__file__))
    for folder in (device, os.path.join(here, "..", "resources", "profiles", device),
                   os.path.expanduser(f"~/.local/share/layerlens/profiles/{device}")):
        manifest = os.path.join(folder, "manifest.json")
        if os.path.isfile(manifest):
            with open(manifest) as f:
                speed = json.load(f).get("network", {}).get("speed_reference", {})
            return speed.get("median_ms")
    return None


def repredict(args, paths):
    """Predicts stored measurements (an earlier --json) again with --device:
    a profile judged on the same measurements as another, without measuring."""
    try:
        with open(args.repredict) as f:
            rows = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"accuracy.py: {args.repredict}: cannot read stored measurements: {e}")
    if not isinstance(rows, list) or not rows or not all(
            isinstance(r, dict) and "passes_ms" in r for r in rows):
        sys.exit(f"accuracy.py: {args.repredict}: not the rows an earlier --json wrote")
    for row in rows:
        path = paths.get(row["network"])
        if path is None:
            sys.exit(f"accuracy.py: {args.repredict}: no file for network '{row['network']}' "
                     f"among --networks")
        # Files written before the per-layer times were stored by name: whole
        # networks and memory only.
        predict_row(args.cli, args.device, path, row, row.get("layer_times", {}))
    # The speed reference's timings, against the profile now predicting.
    pass_ratios = None
    timings = rows[0].get("speed_reference_ms") if rows else None
    recorded = recorded_speed_ms(args.device)
    if timings and recorded:
        pass_ratios = [(a + b) / 2 / recorded for a, b in zip(timings, timings[1:])]
    finish_rows(rows, pass_ratios)
    print(f"device profile: {args.device}; measurements of {args.repredict}")
    print_summaries(rows, pass_ratios, max(len(r["passes_ms"]) for r in rows),
                    args.repeat_within)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--networks", required=True,
                        help="comma-separated ONNX files")
    parser.add_argument("--device", default="reference-cpu")
    parser.add_argument("--batches", default="1,8")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--utilization", default="0,50")
    parser.add_argument("--max-time", default="5")
    parser.add_argument("--pytorch", action="store_true")
    parser.add_argument("--passes", type=int, default=3,
                        help="measurements of each configuration, minutes apart")
    parser.add_argument("--settle", type=float, default=4,
                        help="%% uncertainty of a configuration's median (the standard error "
                             "of its passes' mean log) above which it is measured again "
                             "after the passes, one pass at a time, up to --max-passes")
    parser.add_argument("--max-passes", type=int, default=9,
                        help="passes a configuration that does not settle gets at most")
    parser.add_argument("--repeat-within", type=float, default=5,
                        help="%% the passes may differ for a configuration to count "
                             "as repeatable in the separate summary")
    parser.add_argument("--json", help="write every row here")
    parser.add_argument("--repredict", metavar="JSON",
                        help="measure nothing: predict the measurements an earlier --json "
                             "stored again with --device")
    args = parser.parse_args()

    paths = {}
    for path in args.networks.split(","):
        name = os.path.splitext(os.path.basename(path))[0]
        if name == "model":
            name = os.path.basename(os.path.dirname(path))
        paths[name] = path
    if args.repredict:
        rows = repredict(args, paths)
        if args.json:
            with open(args.json, "w") as f:
                json.dump(rows, f, indent=1)
        return 0

    def measure(path, batch, threads, util, per_layer):
        return run_json([args.cli, "measure", path, "--max-time", args.max_time,
                         "--batch", str(batch), "--threads", str(threads),
                         "--utilization", str(util), "--format", "json"]
                        + (["--per-layer"] if per_layer else []))

    def print_passes(name, batch, threads, util, row, suffix=""):
        print(f"{name[:21]:<22}{batch:>3}{threads:>3}{util:>4}"
              + "".join(f"{m:>10.2f}" for m in row["passes_ms"]) + suffix, flush=True)

    configs = []
    for name, path in paths.items():
        for batch in [int(b) for b in args.batches.split(",")]:
            for threads in [int(t) for t in args.threads.split(",")]:
                for util in [int(u) for u in args.utilization.split(",")]:
                    configs.append((path, name, batch, threads, util))

    # Pass 1 measures every configuration with per-layer timing and predicts
    # it; later passes measure the whole network again, after all the
    # others, so that each configuration's measurements lie minutes apart
    # and their difference shows how far this machine repeats itself. Pass
    # 2 times the layers again too, and the row is predicted again to pair
    # them block by block with pass 1's.
    rows = []
    speeds = [speed_check(args.cli, args.device)]

    def print_speed(when):
        ms, ratio = speeds[-1]
        line = f"speed reference {when}: {ms:.3f} ms"
        if ratio is not None:
            line += f", {(ratio - 1) * 100:+.1f}% against the profile's calibration"
        print(line, flush=True)

    print_speed("before pass 1")
    print(f"device profile: {args.device}; pass 1 of {args.passes}")
    print(f"{'network':<22}{'b':>3}{'t':>3}{'u%':>4}{'measured':>10}{'cv%':>6}{'pred':>9}"
          f"{'err%':>7}{'layers':>8}{'lay.err%':>9}{'mem MiB':>9}{'pred':>7}{'err%':>7}"
          + (f"{'PyTorch':>9}{'err%':>7}" if args.pytorch else ""))
    for path, name, batch, threads, util in configs:
        measured = measure(path, batch, threads, util, per_layer=True)
        m_ms = measured["latency_ms"]["median"]
        layer_times = {l["name"]: l.get("ms", l["median"]) for l in measured.get("layers", [])}
        row = {
            "network": name, "batch": batch, "threads": threads,
            "utilization": util, "passes_ms": [m_ms],
            "measured_cv": measured["latency_ms"]["cv"],
            "measured_runs": measured["latency_ms"]["runs"],
            "repeatable": measured["repeatability"]["repeatable"],
            "measured_memory": measured["peak_memory_bytes"],
            "layer_times": layer_times,
        }
        predict_row(args.cli, args.device, path, row, layer_times)
        p_ms = row["predicted_ms"]
        line = (f"{name[:21]:<22}{batch:>3}{threads:>3}{util:>4}{m_ms:>10.2f}"
                f"{row['measured_cv'] * 100:>6.1f}{p_ms:>9.2f}{ape(p_ms, m_ms):>7.1f}"
                f"{row['layers']:>8}"
                f"{(row['layer_mape'] or 0):>9.1f}{row['measured_memory'] / 2**20:>9.1f}"
                f"{row['predicted_memory'] / 2**20:>7.1f}{(row['memory_error_pct'] or 0):>7.1f}")
        if args.pytorch and util == 0:
            try:
                torch_ms = pytorch_ms(name, batch, threads)
                row["pytorch_ms"] = torch_ms
                line += f"{torch_ms:>9.2f}{ape(p_ms, torch_ms):>7.1f}"
            except (AttributeError, ImportError) as e:
                line += f"  (no PyTorch reference: {e.__class__.__name__})"
        print(line, flush=True)
        rows.append(row)

    # Pass 2 times every layer again: the per-layer noise floor.
    for n in range(2, args.passes + 1):
        speeds.append(speed_check(args.cli, args.device))
        print()
        print_speed(f"before pass {n}")
        print(f"pass {n} of {args.passes}: whole networks again"
              + (", with per-layer timing" if n == 2 else ""))
        for (path, name, batch, threads, util), row in zip(configs, rows):
            measured = measure(path, batch, threads, util, per_layer=n == 2)
            row["passes_ms"].append(measured["latency_ms"]["median"])
            if n == 2:
                row["layer_times_pass2"] = {l["name"]: l.get("ms", l["median"])
                                            for l in measured.get("layers", [])}
                predict_row(args.cli, args.device, path, row, row["layer_times"])
            print_passes(name, batch, threads, util, row)

    # Configurations whose passes scatter (two threads under load on a
    # shared VM: passes 8-14 % apart in standard deviation, where the rest
    # keep within 2-6 %) are measured again, a pass at a time, until their
    # median is known within --settle % or they have --max-passes: the
    # benchmark's reference must be closer than the 5 % it judges by. A
    # configuration takes part in every round until it settles, so that its
    # passes are rounds 1 to n and each keeps its round's speed.
    round_no = args.passes
    while round_no < args.max_passes:
        noisy = [(config, row) for config, row in zip(configs, rows)
                 if len(row["passes_ms"]) == round_no
                 and (median_uncertainty_pct(row["passes_ms"]) or 0) > args.settle]
        if not noisy:
            break
        round_no += 1
        speeds.append(speed_check(args.cli, args.device))
        print()
        print_speed(f"before pass {round_no}")
        print(f"pass {round_no}: the {len(noisy)} configuration(s) whose median is still "
              f"more than {args.settle:g}% uncertain")
        for (path, name, batch, threads, util), row in noisy:
            measured = measure(path, batch, threads, util, per_layer=False)
            row["passes_ms"].append(measured["latency_ms"]["median"])
            print_passes(name, batch, threads, util, row,
                         f"   +-{median_uncertainty_pct(row['passes_ms']):.1f}%")

    speeds.append(speed_check(args.cli, args.device))
    print()
    print_speed("after the last pass")
    # The speed reference's timings go with every row, so that stored
    # measurements can be scaled against another profile (--repredict).
    for row in rows:
        row["speed_reference_ms"] = [ms for ms, _ in speeds]
    # Each pass's speed: the mean of the timings before and after it.
    ratios = [r for _, r in speeds]
    pass_ratios = ([(a + b) / 2 for a, b in zip(ratios, ratios[1:])]
                   if None not in ratios else None)
    finish_rows(rows, pass_ratios)
    print_summaries(rows, pass_ratios, args.passes, args.repeat_within)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
