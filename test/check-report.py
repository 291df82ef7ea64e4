#!/usr/bin/python3
"""Check a report.md written by plot-results.py --report against its runs' summary.json.

    check-report.py REPORT.md RESULTS_DIR [RESULTS_DIR ...]   (the folders in the table's order)
    check-report.py --reproduce-paper

Every row must carry its run's final metric, time to target, MB sent per node and, when a
DivShare run is among them, the other runs' time to target divided by DivShare's; the figure
it links must exist. Exits 1 naming the first difference.
With --reproduce-paper, checks that utils/reproduce-paper.py --report-only merges: over
fixture runs of two setups in a temporary folder, a report of one setup and then of the other
must give the same files as a report of both at once, and keep the first one's figure.
"""

import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# The reader of result folders that the scripts of utils/ share.
sys.path.insert(0, os.path.join(ROOT, "utils"))
import divshare_results as results  # noqa: E402


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def write_run(folder, dataset, algorithm, seed):
    """A finished run's files, as divshare-scenario and reproduce-paper.py write them, with a
    curve that differs by algorithm and seed and reaches some of the report's targets."""
    os.makedirs(folder)
    rank = ["divshare", "adpsgd", "swift"].index(algorithm)
    times = [10 * i for i in range(13)]
    if dataset == "cifar10":
        column, target = "accuracy", 0.4
        curve = [(0.55 - 0.06 * rank - 0.01 * seed) * (1 - math.exp(-t / (30 + 40 * rank)))
                 for t in times]
        reached = [t for t, v in zip(times, curve) if v >= target]
    else:
        column, target = "loss", 0.95
        curve = [0.92 + 0.02 * rank + 0.005 * seed + 2.5 * math.exp(-t / (15 + 10 * rank))
                 for t in times]
        reached = [t for t, v in zip(times, curve) if v <= target]
    with open(os.path.join(folder, "evaluations.csv"), "w") as f:
        f.write("time_s,node,accuracy,loss\n")
        for t, v in zip(times, curve):
            accuracy, loss = (v, 2.0) if dataset == "cifar10" else (0.1, v)
            f.write(f"{t},0,0.1,3.5\n{t},mean,{accuracy:.4f},{loss:.4f}\n")
    summary = {"algorithm": algorithm, "target_metric": column, "target": target, "nodes": 20,
               "time_to_target_s": reached[0] if reached else None,
               "bytes_sent_total": 20 * (5e8 + 1e6 * rank + 1e5 * seed),
               "simulated_seconds": times[-1], "wall_seconds": 100.0 + 10 * rank + seed}
    with open(os.path.join(folder, "summary.json"), "w") as f:
        json.dump(summary, f)
    with open(os.path.join(folder, "scenario.txt"), "w") as f:
        f.write(f"algorithm = {algorithm}\nseed = {seed}\noutput = {folder}\n")
    with open(os.path.join(folder, "command.txt"), "w") as f:
        f.write(f"fixture --algorithm={algorithm} --seed={seed}\n")


def check_reproduce_paper():
    """Reports of one setup, then of the other, equal a report of both at once."""
    first, second = "movielens", "cifar10-7of60"   # the second comes first in the report
    files = ["reproduction.md", "runs.csv", "tta.csv"]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        for setup, dataset in ((first, "movielens"), (second, "cifar10")):
            for algorithm in ["divshare", "adpsgd", "swift"]:
                for seed in (1, 2, 3):
                    write_run(os.path.join(out, setup, algorithm, f"seed-{seed}"), dataset,
                              algorithm, seed)

        def report(only):
            done = subprocess.run([sys.executable, os.path.join(ROOT, "utils",
                                                                "reproduce-paper.py"),
                                   "--report-only", "--out", out, "--only", only],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if done.returncode != 0:
                fail(f"reproduce-paper.py --only {only}: {done.stderr.strip()}")
            figures = sorted(f for f in os.listdir(out) if f.endswith(".png"))
            texts = {}
            for name in files:
                with open(os.path.join(out, name), newline="") as f:
                    texts[name] = f.read()
            return texts, figures

        both, figures = report(f"{second},{first}")
        for name in files + figures:
            os.remove(os.path.join(out, name))
        report(first)
        merged, merged_figures = report(second)
        setups = [row["setup"] for row in results.read_rows(out, "runs.csv")]
        if setups != [second] * 9 + [first] * 9:
            fail(f"runs.csv after --only {first}, then {second}: setups {setups}")
        for name in files:
            if merged[name] != both[name]:
                fail(f"{name} after --only {first}, then {second}, differs from a report of "
                     f"both at once:\n{merged[name]}\n---\n{both[name]}")
        if merged_figures != figures:
            fail(f"figures {merged_figures} after --only {first}, then {second}; {figures} "
                 "from a report of both at once")
        # Reporting a setup again replaces its rows and section, the other's stay.
        shutil.rmtree(os.path.join(out, first, "swift"))
        again, _ = report(first)
        if again["runs.csv"].count(f"{first},,swift") or again["runs.csv"].count(
                f"{second},,swift") != 3 or again["reproduction.md"].count("\n## ") != 2:
            fail(f"--only {first} over a merged report, {first}'s swift runs gone:\n"
                 f"{again['reproduction.md']}")
    print(f"PASS: reproduce-paper.py reports of {first}, then {second} equal one of both "
          f"({len(figures)} figures kept)")


def main():
    if sys.argv[1:] == ["--reproduce-paper"]:
        check_reproduce_paper()
        return
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
    summaries = [results.Result(f).summary for f in folders]
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
        sent = results.Result(folder).bytes_sent()
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
