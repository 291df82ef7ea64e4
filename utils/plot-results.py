#!/usr/bin/python3
"""Plot divshare results: accuracy and loss against simulated time, time to target, traffic.

    /usr/bin/python3 utils/plot-results.py RESULTS_DIR [RESULTS_DIR ...] [--output FILE.png]
        [--report FILE.md]

Each RESULTS_DIR holds evaluations.csv, traffic.csv and summary.json (whose algorithm names
the run). Curves are the mean over evaluated nodes, the band spans the minimum and maximum
node; bars give each run's time to its target (hatched: not reached within the run) and the
megabytes each node sent.

--report also writes a Markdown page beside the figure (and prints its table): per run the
final metric, time to target, and, when a DivShare run is among them, every other run's time
to target as a multiple of DivShare's.
"""

import argparse
import math
import os
import sys

import divshare_results as results

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker
except ImportError:
    sys.exit(
        "plot-results: matplotlib is missing for " + sys.executable + "; "
        "run this script with Debian's /usr/bin/python3 after "
        "'apt-get install python3-matplotlib'"
    )


def load(directory):
    """(label, the folder's Result, its summary or {}, MB each node sent)"""
    run = results.Result(directory)
    if not run.has("evaluations.csv"):
        sys.exit(f"plot-results: {os.path.join(directory, 'evaluations.csv')} not found; give "
                 "a folder written by a divshare run")
    label = os.path.basename(os.path.normpath(directory))
    info = {}
    if run.has("summary.json"):
        info = run.summary
        algorithm = info.get("algorithm", label)
        label = algorithm if algorithm == label else f"{algorithm} ({label})"
    sent = [b / 1e6 for b in run.bytes_sent()] if run.has("traffic.csv") else []
    return label, run, info, sent


def band(run, key):
    """Evaluation times, and the mean, lowest and highest node's key at each."""
    mean, nodes = dict(run.curve(key)), run.at_nodes(key)
    times = sorted(mean.keys() | nodes.keys())
    spreads = [results.spread(nodes.get(t, [])) for t in times]
    return (times, [mean.get(t, math.nan) for t in times],
            [s.low if s else math.nan for s in spreads],
            [s.high if s else math.nan for s in spreads])


def divshare_run(runs):
    """The summary of the first DivShare run, the reference of time-to-target multiples."""
    return next((info for _, _, info, _ in runs if info.get("algorithm") == "divshare"), None)


def time_to_target(ax, runs):
    names = [label for label, _, _, _ in runs]
    reached, heights = [], []
    for _, _, info, _ in runs:
        value = info.get("time_to_target_s")
        reached.append(value is not None)
        heights.append(value if value is not None else info.get("simulated_seconds", 0))
    bars = ax.bar(range(len(runs)), heights, color=[f"C{i}" for i in range(len(runs))])
    for bar, ok in zip(bars, reached):
        if not ok:
            bar.set_hatch("//")
            bar.set_alpha(0.4)
    reference = divshare_run(runs) or {}
    labels = []
    for (_, _, info, _), height, ok in zip(runs, heights, reached):
        multiple = tta_multiple(info, reference) if info is not reference else ""
        labels.append(f"{height:g} s" + (f" ({multiple})" if multiple else "") if ok else
                      "not reached" + (f" ({multiple})" if multiple else ""))
    ax.bar_label(bars, labels)
    ax.margins(y=0.1)
    target = next((info.get("target") for _, _, info, _ in runs if info), None)
    metric = next((info.get("target_metric") for _, _, info, _ in runs if info), "accuracy")
    ax.set_xticks(range(len(runs)), names, rotation=15, ha="right")
    ax.set_ylabel("Simulated time to target (s)")
    ax.set_title(f"Time to {metric} target {target} (hatched: not reached)")
    ax.grid(alpha=0.3, axis="y")


def bytes_per_node(ax, runs):
    width = 0.8 / max(1, len(runs))
    for i, (label, _, _, sent) in enumerate(runs):
        ax.bar([n + i * width for n in range(len(sent))], sent, width=width, label=label)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_xlabel("Node")
    ax.set_ylabel("Model bytes sent (MB)")
    ax.set_title("Traffic sent per node")
    ax.grid(alpha=0.3, axis="y")
    ax.legend(loc="lower left")


FILES = {
    "evaluations.csv": "accuracy, loss and consensus per evaluated node and evaluation",
    "traffic.csv": "bytes and fragments sent, received, flushed and lost, per node",
    "membership.csv": "the nodes present, and every join, leave, crash and reconnect",
    "summary.json": "the run's settings and headline figures",
    "scenario.txt": "the scenario as run, every key with its value",
    "messages.csv": "every message of the captured nodes (key pcap)",
    "netanim.xml": "NetAnim animation of the network (key netanim)",
}


def tta_multiple(info, reference):
    """This run's time to target as a multiple of the reference's ('' if the reference has
    none; a lower bound when this run never reached the target)."""
    ref = reference.get("time_to_target_s")
    if not ref:
        return ""
    tta = info.get("time_to_target_s")
    if tta is None:
        return f"> {info.get('simulated_seconds', 0) / ref:.1f}x"
    return f"{tta / ref:.2f}x"


def report(runs, folders, figure, path):
    """Write the Markdown report and return its table."""
    infos = [info for _, _, info, _ in runs]
    metric = next((i.get("target_metric") for i in infos if i), "accuracy")
    target = next((i.get("target") for i in infos if i), None)
    reference = divshare_run(runs)
    final = "final accuracy" if metric == "accuracy" else "final test loss"
    columns = ["run", final, f"time to {target}"]
    if reference and len(runs) > 1:
        columns.append("x DivShare's time")
    columns += ["MB sent per node", "iterations", "wall s"]
    rows = []
    for (label, _, info, sent), folder in zip(runs, folders):
        value = info.get("final_mean_accuracy" if metric == "accuracy" else "final_mean_loss")
        tta = info.get("time_to_target_s")
        row = [label, "" if value is None else f"{value:.4f}",
               f"{tta:g} s" if tta is not None else
               f"not in {info.get('simulated_seconds', 0):g} s"]
        if "x DivShare's time" in columns:
            row.append("1" if info is reference else tta_multiple(info, reference))
        row += [f"{sum(sent) / len(sent):.1f}" if sent else "",
                f"{info.get('final_mean_iteration', '')}",
                f"{info.get('wall_seconds', 0):.1f}"]
        rows.append(row)
    table = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    table += ["| " + " | ".join(r) + " |" for r in rows]

    here = os.path.dirname(os.path.abspath(path))
    first = infos[0]
    lines = [f"# {' vs '.join(label for label, _, _, _ in runs)}", ""]
    lines.append(f"![accuracy, time to target and traffic]({os.path.relpath(figure, here)})")
    lines.append("")
    lines.append(f"{first.get('nodes', '?')} nodes, workload {first.get('workload', '?')}, "
                 f"seed {first.get('seed', '?')}, {first.get('simulated_seconds', '?')} simulated "
                 f"seconds; {metric} target {target}.")
    lines.append("")
    lines += table
    intervals = {run.interval() for _, run, _, _ in runs}
    if len(intervals) == 1 and not any(map(math.isnan, intervals)):
        lines += ["", f"Times to target are those of the first evaluation at or past the "
                      f"target, with an evaluation every {intervals.pop():g} simulated s, so "
                      f"they are known to that interval. One seed per run: a direction, not "
                      f"a spread."]
    lines += ["", "## Files", ""]
    for (label, _, _, _), folder in zip(runs, folders):
        present = [n for n in FILES if os.path.exists(os.path.join(folder, n))]
        prefix = os.path.relpath(folder, here)
        if prefix == ".":
            lines += [f"- [{n}]({n}): {FILES[n]}" for n in present]
            continue
        if os.path.exists(os.path.join(folder, "report.md")):
            present.insert(0, "report.md")
        lines.append(f"- {label}: " + ", ".join(f"[{n}]({prefix}/{n})" for n in present))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return "\n".join(table)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", nargs="+", help="result folders")
    parser.add_argument("--output", help="PNG file (default: RESULTS_DIR/accuracy.png)")
    parser.add_argument("--report", help="also write this Markdown report and print its table")
    args = parser.parse_args()
    runs = [load(d) for d in args.results]
    output = args.output or os.path.join(args.results[0], "accuracy.png")

    has_accuracy = any(
        not math.isnan(v) for _, run, _, _ in runs for _, v in run.curve("accuracy")
    )
    panels = [("accuracy", "Test accuracy")] if has_accuracy else []
    panels.append(("loss", "Test loss" if has_accuracy else "Test RMSE"))
    fig, axes = plt.subplots(2, 2, figsize=(13, 9))
    axes = axes.flatten()
    if len(panels) == 1:
        axes[0].axis("off")
        axes = axes[1:]
    for ax, (key, title) in zip(axes, panels):
        for label, run, _, _ in runs:
            times, mean, low, high = band(run, key)
            (line,) = ax.plot(times, mean, label=label, linewidth=1.8)
            ax.fill_between(times, low, high, color=line.get_color(), alpha=0.18, linewidth=0)
        ax.set_xlabel("Simulated time (s)")
        ax.set_ylabel(title + (" (fraction)" if key == "accuracy" else ""))
        ax.set_title(title + ": mean over nodes, band = min–max node")
        ax.grid(alpha=0.3)
        ax.legend()
    time_to_target(axes[len(panels)], runs)
    bytes_per_node(axes[len(panels) + 1], runs)
    fig.tight_layout()
    fig.savefig(output, dpi=120)
    print(f"plot written to {output}")
    if args.report:
        print(report(runs, args.results, output, args.report))
        print(f"report written to {args.report}")


if __name__ == "__main__":
    main()
