#!/usr/bin/python3
"""Run the paper's reduced straggler scenarios for DivShare, AD-PSGD and Swift, then write a
table of what we measured next to the paper's headline numbers.

    /usr/bin/python3 utils/reproduce-paper.py --cifar10 DIR --movielens DIR [--out results/paper]
                                             [--only cifar10-7of60,movielens] [--duration S]

Runs build/examples/divshare-scenario once per (setup, algorithm) into OUT/<setup>/<algorithm>,
then writes OUT/reproduction.md and OUT/reproduction.csv and plots each setup. Nothing is
tuned: every algorithm runs the same scenario file with only --algorithm changed.
"""

import argparse
import csv
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ALGORITHMS = ["divshare", "adpsgd", "swift"]
SETUPS = {
    "cifar10-7of60": ("scenarios/cifar10-stragglers-7of60-reduced.scenario", "cifar10"),
    "cifar10-30of60": ("scenarios/cifar10-stragglers-30of60-reduced.scenario", "cifar10"),
    "movielens": ("scenarios/movielens-stragglers-reduced.scenario", "movielens"),
}
PAPER = {
    "cifar10": "time-to-accuracy up to 3.9x lower than AD-PSGD; accuracy up to 19.4% better",
    "movielens": "test loss 9.5% lower than the baselines",
}


def run(setup, algorithm, args):
    scenario, dataset = SETUPS[setup]
    out = os.path.join(args.out, setup, algorithm)
    command = [os.path.join(args.build, "examples", "divshare-scenario"),
               os.path.join(ROOT, scenario), f"--algorithm={algorithm}", f"--output={out}",
               f"--data_path={args.cifar10 if dataset == 'cifar10' else args.movielens}"]
    if args.duration:
        command.append(f"--duration={args.duration}")
    print("running:", " ".join(command), flush=True)
    env = dict(os.environ, OMP_WAIT_POLICY=os.environ.get("OMP_WAIT_POLICY", "PASSIVE"))
    subprocess.run(command, check=True, env=env)
    with open(os.path.join(out, "summary.json")) as f:
        return json.load(f)


def ratio(a, b):
    return f"{a / b:.2f}x" if a is not None and b else "n/a"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cifar10", required=True, help="cifar-10-batches-bin folder")
    parser.add_argument("--movielens", required=True, help="ml-latest-small folder")
    parser.add_argument("--out", default="results/paper")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--only", default=",".join(SETUPS), help="setups to run")
    parser.add_argument("--duration", type=float, help="override every scenario's duration")
    args = parser.parse_args()

    rows = []
    lines = ["# Reproduction of the paper's headline results (reduced scenarios)", ""]
    for setup in args.only.split(","):
        if setup not in SETUPS:
            sys.exit(f"reproduce-paper: unknown setup {setup}; known: {', '.join(SETUPS)}")
        results = {a: run(setup, a, args) for a in ALGORITHMS}
        dataset = SETUPS[setup][1]
        ours = results["divshare"]
        lines += [f"## {setup} ({SETUPS[setup][0]})", "", f"Paper: {PAPER[dataset]}.", "",
                  "| algorithm | final accuracy | final loss | time to target (s) | "
                  "bytes sent per node | simulated s | wall s (training / evaluation / other) |",
                  "|---|---|---|---|---|---|---|"]
        for a in ALGORITHMS:
            s = results[a]
            accuracy = s["final_mean_accuracy"]
            lines.append(
                f"| {a} | {'n/a' if accuracy is None else f'{accuracy:.4f}'} | "
                f"{s['final_mean_loss']:.4f} | {s['time_to_target_s']} | "
                f"{s['bytes_sent_total'] / s['nodes'] / 1e6:.1f} MB | {s['simulated_seconds']} | "
                f"{s['wall_seconds']:.0f} ({s['wall_training_seconds']:.0f} / "
                f"{s['wall_evaluation_seconds']:.0f} / {s['wall_other_seconds']:.0f}) |")
            rows.append({"setup": setup, "algorithm": a,
                         "final_mean_accuracy": accuracy,
                         "final_mean_loss": s["final_mean_loss"],
                         "target_metric": s["target_metric"], "target": s["target"],
                         "time_to_target_s": s["time_to_target_s"],
                         "bytes_sent_per_node": s["bytes_sent_total"] / s["nodes"],
                         "wall_seconds": s["wall_seconds"]})
        lines.append("")
        for baseline in ("adpsgd", "swift"):
            b = results[baseline]
            if dataset == "cifar10":
                difference = (ours["final_mean_accuracy"] - b["final_mean_accuracy"]) * 100
                lines.append(
                    f"- {baseline}/divshare time-to-target ratio: "
                    f"{ratio(b['time_to_target_s'], ours['time_to_target_s'])}; final accuracy "
                    f"difference (divshare - {baseline}): {difference:+.1f} points")
            else:
                lower = (1 - ours["final_mean_loss"] / b["final_mean_loss"]) * 100
                lines.append(f"- divshare test loss (RMSE) vs {baseline}: {lower:+.1f}% lower")
        lines.append("")
        subprocess.run(["/usr/bin/python3", os.path.join(HERE, "plot-results.py")] +
                       [os.path.join(args.out, setup, a) for a in ALGORITHMS] +
                       ["--output", os.path.join(args.out, f"{setup}.png")], check=True)

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "reproduction.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(args.out, "reproduction.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print("\n".join(lines))
    print(f"table written to {args.out}/reproduction.md and .csv")


if __name__ == "__main__":
    main()
