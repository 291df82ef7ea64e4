#!/usr/bin/python3
"""Check a report.md written by plot-results.py --report against its runs' summary.json.

    check-report.py REPORT.md RESULTS_DIR [RESULTS_DIR ...]   (the folders in the table's order)

Every row must carry its run's final metric, time to target, MB sent per node and, when a
DivShare run is among them, the other runs' time to target divided by DivShare's; the figure
it links must exist. Exits 1 naming the first difference.
"""

import csv
import json
import os
import re
import sys


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def main():
    report, folders = sys.argv[1], sys.argv[2:]
    text = open(report).read()
    figure = re.search(r"!\[[^]]*\]\(([^)]+)\)", text)
    if not figure or not os.path.isfile(os.path.join(os.path.dirname(report), figure.group(1))):
        fail(f"{report}: no figure linked, or the linked file is missing")
    lines = [l for l in text.splitlines() if l.startswith("| ")]
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    rows = [dict(zip(header, (c.strip() for c in l.strip("|").split("|")))) for l in lines[1:]]
    if len(rows) != len(folders):
        fail(f"{report}: {len(rows)} rows for {len(folders)} runs")
    summaries = [json.load(open(os.path.join(f, "summary.json"))) for f in folders]
    reference = next((s for s in summaries if s["algorithm"] == "divshare"), None)
    for row, summary, folder in zip(rows, summaries, folders):
        where = f"{report}, row {row['run']}"
        if summary["algorithm"] not in row["run"]:
            fail(f"{where}: not the run of {folder}")
        final = summary["final_mean_accuracy"]
        if abs(float(row["final accuracy"]) - final) > 5e-5:
            fail(f"{where}: final accuracy {row['final accuracy']}, summary.json {final}")
        tta = summary["time_to_target_s"]
        cell = row[f"time to {summary['target']:g}"]
        if (tta is None) != cell.startswith("not in") or (
                tta is not None and abs(float(cell.split()[0]) - tta) > 1e-9):
            fail(f"{where}: time to target '{cell}', summary.json {tta}")
        with open(os.path.join(folder, "traffic.csv"), newline="") as f:
            sent = [int(r["bytes_sent"]) for r in csv.DictReader(f)]
        mb = sum(sent) / len(sent) / 1e6
        if abs(float(row["MB sent per node"]) - mb) > 0.05:
            fail(f"{where}: {row['MB sent per node']} MB sent per node, traffic.csv {mb:.3f}")
        if reference and len(rows) > 1:
            multiple = row["x DivShare's time"]
            ref = reference["time_to_target_s"]
            if summary is reference:
                expected = 1.0
            elif ref is None:
                expected = None
            elif tta is None:
                expected = summary["simulated_seconds"] / ref
                if not multiple.startswith(">"):
                    fail(f"{where}: '{multiple}' is no lower bound, the target was not reached")
            else:
                expected = tta / ref
            if expected is None:
                if multiple:
                    fail(f"{where}: '{multiple}' though DivShare did not reach the target")
            elif abs(float(multiple.strip(">x ")) - expected) > 0.05 + 0.01 * expected:
                fail(f"{where}: '{multiple}' x DivShare's time, expected {expected:.2f}")
    print(f"PASS: {len(rows)} rows of {report} match their runs")


if __name__ == "__main__":
    main()
