#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Plot the congestion traces of one or more divshare runs.

    /usr/bin/python3 utils/plot-congestion.py RUN_DIR [RUN_DIR ...] [-o congestion.png]

Each RUN_DIR holds link-utilization.csv, queues.csv, flows.csv and fragment-latency.csv
(ExperimentHelper's CongestionTraces, scenario key congestion_traces). Four panels, one line or bar group per run: the busiest
link direction's utilization, the fullest router queue's occupancy with its limit, its
cumulative drops, fragment delivery latency (mean per second), and the throughput of the
busiest flows by kind (divshare, cross).
"""

import argparse
import os
import sys
from collections import defaultdict

import divshare_results as results

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    sys.exit("plot-congestion.py: matplotlib is missing; run it with /usr/bin/python3 "
             "(Debian's python3-matplotlib)")


KINDS = ["divshare", "cross"]  # flows.csv's kind column


def read(run, name):
    path = os.path.join(run, name)
    if not os.path.exists(path):
        sys.exit(f"plot-congestion.py: {path} is missing; enable congestion traces for the run")
    return results.read_rows(run, name)


def busiest_link(rows):
    """(from, to) of the direction with the highest mean utilization, and its series."""
    series = defaultdict(list)
    for r in rows:
        series[(r["from"], r["to"])].append((float(r["time_s"]), float(r["utilization"])))
    key = max(series, key=lambda k: sum(u for _, u in series[k]) / len(series[k]))
    return key, series[key]


def fullest_queue(rows):
    series = defaultdict(list)
    for r in rows:
        series[(r["node"], r["toward"])].append(
            (float(r["time_s"]), int(r["packets"]), r["limit_packets"], int(r["dropped_packets"])))
    key = max(series, key=lambda k: (max(s[1] for s in series[k]), series[k][-1][3]))
    return key, series[key]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="+", help="run folders")
    parser.add_argument("-o", "--output", help="image file (default: RUN_DIR/congestion.png)")
    args = parser.parse_args()
    output = args.output or os.path.join(args.runs[0], "congestion.png")

    fig, axes = plt.subplots(2, 2, figsize=(13, 8))
    (util_ax, queue_ax), (latency_ax, flow_ax) = axes
    drop_ax = queue_ax.twinx()
    width = 0.8 / len(args.runs)
    for i, run in enumerate(args.runs):
        label = os.path.basename(os.path.normpath(run))
        (src, dst), util = busiest_link(read(run, "link-utilization.csv"))
        util_ax.plot([t for t, _ in util], [u for _, u in util], label=f"{label}: {src}->{dst}")

        (node, toward), queue = fullest_queue(read(run, "queues.csv"))
        line, = queue_ax.plot([s[0] for s in queue], [s[1] for s in queue],
                              label=f"{label}: {node}->{toward}")
        if queue[0][2]:
            queue_ax.axhline(int(queue[0][2]), color=line.get_color(), linestyle=":", linewidth=1)
        drop_ax.plot([s[0] for s in queue], [s[3] for s in queue], color=line.get_color(),
                     linestyle="--", linewidth=1)

        per_second = defaultdict(list)
        for r in read(run, "fragment-latency.csv"):
            per_second[int(float(r["time_s"]))].append(float(r["latency_s"]))
        seconds = sorted(per_second)
        latency_ax.plot(seconds, [sum(per_second[s]) / len(per_second[s]) for s in seconds],
                        label=label)

        by_kind = defaultdict(float)
        for r in read(run, "flows.csv"):
            by_kind[r["kind"]] += float(r["rx_bytes"]) * 8
        flow_ax.bar([k + i * width for k in range(len(KINDS))], [by_kind[k] / 1e6 for k in KINDS],
                    width=width, label=label)
    flow_ax.set_xticks([k + width * (len(args.runs) - 1) / 2 for k in range(len(KINDS))])
    flow_ax.set_xticklabels(KINDS)

    util_ax.set(title="busiest link direction", xlabel="simulated time (s)",
                ylabel="utilization")
    queue_ax.set(title="fullest router queue (dotted: limit; dashed: drops)",
                 xlabel="simulated time (s)", ylabel="packets queued")
    drop_ax.set_ylabel("cumulative drops")
    latency_ax.set(title="fragment delivery latency", xlabel="simulated time (s)",
                   ylabel="mean latency (s)")
    flow_ax.set(title="bits delivered by kind (FlowMonitor, IP bytes)", ylabel="Mbit")
    for ax in (util_ax, queue_ax, latency_ax, flow_ax):
        ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(output, dpi=120)
    print(output)


if __name__ == "__main__":
    main()
