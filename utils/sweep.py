#!/usr/bin/python3
"""Sweep one scenario key: run a scenario once per value, then tabulate and plot the runs.

    /usr/bin/python3 utils/sweep.py SCENARIO KEY=V1,V2,... [--out DIR] [--KEY=VALUE ...]

Example, the paper's sweeps of Omega and J on the reduced CIFAR-10 straggler setup:

    utils/sweep.py scenarios/cifar10-stragglers-7of60-reduced.scenario fragments=1,2,10 \\
        --data_path=DATA/cifar-10-batches-bin
    utils/sweep.py scenarios/cifar10-stragglers-7of60-reduced.scenario degree=3,6,9,12 \\
        --data_path=DATA/cifar-10-batches-bin

Each run writes into OUT/KEY-VALUE; OUT/sweep.csv holds one row per value and OUT/sweep.png
the curves. Extra --KEY=VALUE arguments are passed to every run. utils/reproduce-paper.py runs
the paper's sweeps over seeds and algorithms, with the same runs and folder names.
"""

import argparse
import csv
import os
import subprocess
import sys

import divshare_results as results

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario")
    parser.add_argument("sweep", help="KEY=V1,V2,...")
    parser.add_argument("--out", help="output folder (default: results/sweep-KEY)")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    args, overrides = parser.parse_known_args()
    if "=" not in args.sweep:
        sys.exit("sweep: the sweep is written KEY=V1,V2,... e.g. fragments=1,2,10")
    key, values = args.sweep.split("=", 1)
    out = args.out or os.path.join("results", "sweep-" + key)
    rows, folders = [], []
    for value in values.split(","):
        folder = results.point_folder(out, key, value)
        command = results.scenario_command(args.build, args.scenario,
                                           {key: value, "output": folder}) + overrides
        print("running:", " ".join(command), flush=True)
        code = results.execute(command)
        if code != 0:
            sys.exit(f"sweep: exit {code} from {' '.join(command)}")
        summary = results.Result(folder).summary
        rows.append({key: value, **{k: summary[k] for k in (
            "algorithm", "final_mean_accuracy", "final_mean_loss", "time_to_target_s",
            "bytes_sent_total", "wall_seconds")}})
        folders.append(folder)
    with open(os.path.join(out, "sweep.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    subprocess.run(["/usr/bin/python3", os.path.join(HERE, "plot-results.py")] + folders +
                   ["--output", os.path.join(out, "sweep.png")], check=True)
    for row in rows:
        print(", ".join(f"{k}={v}" for k, v in row.items()))
    print(f"table in {out}/sweep.csv, plot in {out}/sweep.png")


if __name__ == "__main__":
    main()
