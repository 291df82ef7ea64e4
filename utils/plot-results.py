#!/usr/bin/python3
"""Plot divshare results: accuracy and loss against simulated time.

    /usr/bin/python3 utils/plot-results.py RESULTS_DIR [RESULTS_DIR ...] [--output FILE.png]

Each RESULTS_DIR holds evaluations.csv (and summary.json, whose algorithm names the curve).
Lines are the mean over evaluated nodes; the band spans the minimum and maximum node.
"""

import argparse
import csv
import json
import math
import os
import sys
from collections import defaultdict

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    sys.exit(
        "plot-results: matplotlib is missing for " + sys.executable + "; "
        "run this script with Debian's /usr/bin/python3 after "
        "'apt-get install python3-matplotlib'"
    )


def number(text):
    return float(text) if text not in ("", None) else math.nan


def load(directory):
    path = os.path.join(directory, "evaluations.csv")
    if not os.path.isfile(path):
        sys.exit(f"plot-results: {path} not found; give a folder written by a divshare run")
    per_time = defaultdict(lambda: {"accuracy": [], "loss": [], "mean": None})
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            slot = per_time[number(row["time_s"])]
            if row["node"] == "mean":
                slot["mean"] = (number(row["accuracy"]), number(row["loss"]))
            else:
                slot["accuracy"].append(number(row["accuracy"]))
                slot["loss"].append(number(row["loss"]))
    label = os.path.basename(os.path.normpath(directory))
    summary = os.path.join(directory, "summary.json")
    if os.path.isfile(summary):
        with open(summary) as f:
            info = json.load(f)
        label = f"{info.get('algorithm', label)} ({label})"
    return label, sorted(per_time.items())


def band(series, key, index):
    times = [t for t, _ in series]
    mean = [s["mean"][index] if s["mean"] else math.nan for _, s in series]
    low = [min(s[key]) if s[key] else math.nan for _, s in series]
    high = [max(s[key]) if s[key] else math.nan for _, s in series]
    return times, mean, low, high


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", nargs="+", help="result folders")
    parser.add_argument("--output", help="PNG file (default: RESULTS_DIR/accuracy.png)")
    args = parser.parse_args()
    runs = [load(d) for d in args.results]
    output = args.output or os.path.join(args.results[0], "accuracy.png")

    has_accuracy = any(
        not math.isnan(s["mean"][0]) for _, series in runs for _, s in series if s["mean"]
    )
    panels = [("accuracy", 0, "Test accuracy")] if has_accuracy else []
    panels.append(("loss", 1, "Test loss" if has_accuracy else "Test RMSE"))
    fig, axes = plt.subplots(1, len(panels), figsize=(6.5 * len(panels), 4.5), squeeze=False)
    for ax, (key, index, title) in zip(axes[0], panels):
        for label, series in runs:
            times, mean, low, high = band(series, key, index)
            (line,) = ax.plot(times, mean, label=label, linewidth=1.8)
            ax.fill_between(times, low, high, color=line.get_color(), alpha=0.18, linewidth=0)
        ax.set_xlabel("Simulated time (s)")
        ax.set_ylabel(title + (" (fraction)" if key == "accuracy" else ""))
        ax.set_title(title + ": mean over nodes, band = min–max node")
        ax.grid(alpha=0.3)
        ax.legend()
    fig.tight_layout()
    fig.savefig(output, dpi=120)
    print(f"plot written to {output}")


if __name__ == "__main__":
    main()
