#!/usr/bin/python3
"""Check that a divshare results folder satisfies its published schema.

    check-results.py RESULTS_DIR EXPECTED_EVALUATION_ROUNDS

The published columns and keys must all be present, in this order (new ones may follow),
with values of the right type. Exits 1 naming the first violation.
"""

import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The reader of result folders that the scripts of utils/ share.
sys.path.insert(0, os.path.join(ROOT, "utils"))
import divshare_results as results  # noqa: E402

EVALUATIONS = ["time_s", "node", "iteration", "accuracy", "loss", "mae", "consensus_distance"]
TRAFFIC = ["node", "iterations", "bytes_sent", "fragments_sent", "bytes_received",
           "fragments_received", "bytes_flushed", "fragments_flushed", "bytes_malformed",
           "fragments_malformed", "transfers_failed", "connections_opened", "connections_closed",
           "peak_sockets", "fragments_unreachable"]
SUMMARY = {"algorithm": str, "workload": str, "nodes": int, "evaluated_nodes": int, "seed": int,
           "simulated_seconds": (int, float), "wall_seconds": (int, float),
           "wall_training_seconds": (int, float), "wall_evaluation_seconds": (int, float),
           "wall_other_seconds": (int, float), "final_mean_iteration": (int, float),
           "final_mean_accuracy": (int, float, type(None)), "final_mean_loss": (int, float),
           "final_mean_mae": (int, float, type(None)),
           "final_consensus_distance": (int, float), "target_metric": str,
           "target": (int, float, type(None)), "time_to_target_s": (int, float, type(None)),
           "bytes_sent_total": int, "wall_learning_wait_seconds": (int, float), "events": int,
           "workers": int, "worker_threads": int, "diverged_nodes": int,
           "name": str, "ranks": int}


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def rows(folder, name, columns):
    header, table = results.read_table(folder, name)
    if header[: len(columns)] != columns:
        fail(f"{folder}/{name}: header {header} does not start with {columns}")
    return table


def main():
    folder, rounds = sys.argv[1], int(sys.argv[2])
    summary = results.Result(folder).summary
    for key, kind in SUMMARY.items():
        if key not in summary or not isinstance(summary[key], kind):
            fail(f"summary.json: {key} missing or not {kind}: {summary.get(key)!r}")
    nodes = summary["nodes"]

    evaluations = rows(folder, "evaluations.csv", EVALUATIONS)
    means = [r for r in evaluations if r["node"] == "mean"]
    if len(means) != rounds:
        fail(f"evaluations.csv: {len(means)} mean rows, expected {rounds}")
    if len(evaluations) != rounds * (summary["evaluated_nodes"] + 1):
        fail(f"evaluations.csv: {len(evaluations)} rows for {rounds} rounds")
    for r in evaluations:
        for column in ("time_s", "iteration", "loss"):
            if not math.isfinite(float(r[column])):
                fail(f"evaluations.csv: {column} = {r[column]!r}")
        if r["node"] != "mean" and not 0 <= int(r["node"]) < nodes:
            fail(f"evaluations.csv: node {r['node']} out of range")

    traffic = rows(folder, "traffic.csv", TRAFFIC)
    if [int(r["node"]) for r in traffic] != list(range(nodes)):
        fail("traffic.csv: not one row per node")
    if sum(int(r["bytes_sent"]) for r in traffic) != summary["bytes_sent_total"]:
        fail("traffic.csv bytes_sent does not add up to summary.json bytes_sent_total")
    if sum(int(r["fragments_sent"]) for r in traffic) == 0:
        fail("traffic.csv: nothing was sent")
    print(f"PASS: {folder} has {len(evaluations)} evaluation rows, {nodes} traffic rows and "
          "every published summary key")


if __name__ == "__main__":
    main()
