#!/usr/bin/python3
"""Reproduce the paper's results with seeds and spreads: setups, sweeps, TTA curves, a report.

    /usr/bin/python3 utils/reproduce-paper.py --cifar10 DIR --movielens DIR
        [--only SETUP,...] [--seeds 1,2,3] [--jobs N] [--workers W] [--eval-interval S]
        [--duration S] [--out results/paper] [--report-only] [--list]

Every (setup, swept value, algorithm, seed) is one run of build/examples/divshare-scenario into
OUT/<setup>/[<key>-<value>/]<algorithm>/seed-<seed>; a run whose summary.json was written by
the same command is not run again, so an interrupted reproduction resumes where it stopped.
A sweep's point at the scenario's own value (Omega 10, J 6, 2 stragglers) is the main setup's
run of the same seed, run once.
Runs go JOBS at a time, each with WORKERS LearningWorkers (results do not depend on either).
Nothing is tuned: every algorithm runs the same scenario file with only --algorithm (and the
swept key) changed; seeds change the data partition, the stragglers and every random draw.

Writes OUT/reproduction.md (tables: final metric and time to target, mean and min-max over
seeds; time-to-target ratios against AD-PSGD and Swift, computed per seed, then mean and
min-max; time to accuracy at several targets), OUT/runs.csv (one row per run), OUT/tta.csv
(one row per run and target) and a figure per setup. Times to target are first evaluation
instants, so they are multiples of the evaluation interval; a ratio whose DivShare time is
at most two intervals is marked as set by the interval.
The report merges: the setups of --only get new sections, rows and figures (none, if none
of their runs is finished), every other setup keeps those the report before gave it, and
both files list setups in the order of SETUPS. The header counts the report's runs, done and
planned (a kept setup's plan is the one these options would make).
"""

import argparse
import concurrent.futures
import csv
import glob
import json
import math
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ALGORITHMS = ["divshare", "adpsgd", "swift"]
BASELINES = ["adpsgd", "swift"]
REDUCED_7 = "scenarios/cifar10-stragglers-7of60-reduced.scenario"

# name: scenario, dataset, extra keys, swept key and values, algorithms, default seeds.
# The straggler sweep scales the paper's 0, 7, 15 and 30 of 60 to the reduced 20 nodes.
SETUPS = {
    "cifar10-7of60": (REDUCED_7, "cifar10", {}, None, ALGORITHMS, 3),
    "cifar10-30of60": ("scenarios/cifar10-stragglers-30of60-reduced.scenario", "cifar10", {},
                       None, ALGORITHMS, 3),
    "movielens": ("scenarios/movielens-stragglers-reduced.scenario", "movielens", {}, None,
                  ALGORITHMS, 3),
    "movielens-nobias": ("scenarios/movielens-stragglers-reduced.scenario", "movielens",
                         {"mf_biases": "false"}, None, ALGORITHMS, 3),
    "sweep-fragments": (REDUCED_7, "cifar10", {}, ("fragments", ["1", "2", "10"]),
                        ["divshare"], 2),
    "sweep-degree": (REDUCED_7, "cifar10", {}, ("degree", ["3", "6", "9", "12"]),
                     ["divshare"], 2),
    "sweep-stragglers": (REDUCED_7, "cifar10", {}, ("stragglers", ["0", "2", "5", "10"]),
                         ["divshare", "adpsgd"], 2),
    "cifar10-7of60-reference": ("scenarios/cifar10-stragglers-7of60-reference.scenario",
                                "cifar10", {}, None, ALGORITHMS, 1),
    "cifar10-30of60-reference": ("scenarios/cifar10-stragglers-30of60-reference.scenario",
                                 "cifar10", {}, None, ALGORITHMS, 1),
}
DEFAULT_SETUPS = ["cifar10-7of60", "cifar10-30of60", "movielens", "movielens-nobias",
                  "sweep-fragments", "sweep-degree", "sweep-stragglers"]
# Targets of the time-to-quality curves: accuracy from below, RMSE from above.
TARGETS = {"cifar10": [0.25, 0.30, 0.35, 0.40, 0.45, 0.50],
           "movielens": [1.05, 1.00, 0.98, 0.96, 0.95, 0.94, 0.93]}
RUNS_HEADER = ["setup", "swept_value", "algorithm", "seed", "final_metric", "target",
               "time_to_target_s", "bytes_sent_per_node", "simulated_seconds", "wall_seconds",
               "folder"]
# A cell whose runs have not finished yet (not "not reached", which a finished run says).
NOT_RUN = "no finished run yet"
TTA_HEADER = ["setup", "swept_value", "algorithm", "seed", "target", "time_to_target_s"]
PAPER = {
    "cifar10": "time-to-accuracy up to 3.9x lower than AD-PSGD; accuracy up to 19.4% better",
    "movielens": "test loss 9.5% lower than the baselines",
}


class Run:
    def __init__(self, setup, value, algorithm, seed, args):
        scenario, dataset, keys, sweep, _, _ = SETUPS[setup]
        self.setup, self.value, self.algorithm, self.seed = setup, value, algorithm, seed
        self.reused = False
        self.dataset = dataset
        parts = [args.out, setup] + ([f"{sweep[0]}-{value}"] if sweep else [])
        self.folder = os.path.join(*parts, algorithm, f"seed-{seed}")
        data = args.cifar10 if dataset == "cifar10" else args.movielens
        self.command = [os.path.join(args.build, "examples", "divshare-scenario"),
                        os.path.join(ROOT, scenario), f"--algorithm={algorithm}",
                        f"--seed={seed}", f"--output={self.folder}", f"--data_path={data}",
                        f"--workers={args.workers}"]
        self.command += [f"--{k}={v}" for k, v in keys.items()]
        if sweep:
            self.command.append(f"--{sweep[0]}={value}")
        if args.duration:
            self.command.append(f"--duration={args.duration}")
        if args.eval_interval:
            self.command.append(f"--eval_interval={args.eval_interval}")
        if sweep:
            self.reuse_main_run(scenario, keys, sweep[0], args)

    def reuse_main_run(self, scenario, keys, key, args):
        """A sweep's point at the scenario's own value is its main setup's run of this
        seed: take that run when its scenario.txt shows this value and it ran as this point
        would (to run: with this command but for the swept key, the output and the worker
        count, which results do not depend on; to report: with the settings of the sweep's
        finished points of this seed but for the swept key)."""
        main = [name for name, (s, _, k, sweep, _, _) in SETUPS.items()
                if s == scenario and k == keys and not sweep]
        if not main:
            return
        other = Run(main[0], None, self.algorithm, self.seed, args)
        if not other.finished():
            return
        theirs = settings(other.folder)
        if theirs.pop(key, None) != self.value:
            return
        with open(os.path.join(other.folder, "command.txt")) as f:
            recorded = shlex.split(f.read())
        if args.report_only:
            points = glob.glob(os.path.join(args.out, self.setup, f"{key}-*", self.algorithm,
                                            f"seed-{self.seed}", "scenario.txt"))
            # Keys one of them lacks came later, with defaults that keep results as they were.
            same = all(v == theirs[k] for p in points
                       for k, v in settings(os.path.dirname(p)).items() if k != key and k in theirs)
        else:
            def essential(command, dropped):
                return [c for c in command if not c.startswith(dropped)]

            drop = ("--output=", "--workers=")
            same = (essential(recorded, drop) ==
                    essential(shlex.split(self.quoted()), drop + (f"--{key}=",)))
        if same:
            self.folder, self.reused = other.folder, True
            self.command = [c.replace("$ROOT", ROOT) for c in recorded]

    def finished(self):
        """Whether a run of this setup, algorithm and seed ended here, by whatever command."""
        return (os.path.isfile(os.path.join(self.folder, "summary.json")) and
                os.path.isfile(os.path.join(self.folder, "command.txt")))

    def done(self):
        """Whether this very command ran here: a run to keep, not to repeat."""
        return (self.finished() and
                open(os.path.join(self.folder, "command.txt")).read().strip() == self.quoted())

    def quoted(self):
        """The command with this checkout's path written as $ROOT: committed runs resume in
        any clone."""
        return " ".join(shlex.quote(c) for c in self.command).replace(ROOT, "$ROOT")

    def execute(self):
        os.makedirs(self.folder, exist_ok=True)
        env = dict(os.environ, OMP_WAIT_POLICY=os.environ.get("OMP_WAIT_POLICY", "PASSIVE"))
        with open(os.path.join(self.folder, "log.txt"), "w") as log:
            code = subprocess.run(self.command, stdout=log, stderr=subprocess.STDOUT,
                                  env=env).returncode
        if code != 0:
            return f"failed (exit {code}; see {self.folder}/log.txt): {self.quoted()}"
        with open(os.path.join(self.folder, "command.txt"), "w") as f:
            f.write(self.quoted() + "\n")
        return None

    def load(self):
        with open(os.path.join(self.folder, "summary.json")) as f:
            self.summary = json.load(f)
        self.curve = []
        with open(os.path.join(self.folder, "evaluations.csv"), newline="") as f:
            for row in csv.DictReader(f):
                if row["node"] == "mean":
                    metric = row["accuracy"] if self.dataset == "cifar10" else row["loss"]
                    self.curve.append((float(row["time_s"]), float(metric)))
        return self

    def final(self):
        return self.curve[-1][1] if self.curve else math.nan

    def time_to(self, target):
        for time, value in self.curve:
            if (value >= target) if self.dataset == "cifar10" else (value <= target):
                return time
        return None

    def interval(self):
        times = [t for t, _ in self.curve]
        return min((b - a for a, b in zip(times, times[1:])), default=math.nan)


def settings(folder):
    """A run's settings as its scenario.txt records them, less where it wrote and the
    threads it used."""
    with open(os.path.join(folder, "scenario.txt")) as f:
        pairs = dict(line.split(" = ", 1) for line in f.read().splitlines() if " = " in line)
    for name in ("output", "workers", "threads"):
        pairs.pop(name, None)
    return pairs


def seeds_of(setup, args):
    return args.seeds or list(range(1, SETUPS[setup][5] + 1))


def planned(setup, args):
    """How many runs plan() gives the setup."""
    _, _, _, sweep, algorithms, _ = SETUPS[setup]
    return len(seeds_of(setup, args)) * (len(sweep[1]) if sweep else 1) * len(algorithms)


def plan(args):
    runs = []
    for setup in args.only:
        _, _, _, sweep, algorithms, _ = SETUPS[setup]
        # Seed by seed, so that an interrupted reproduction has complete seeds to compare.
        for seed in seeds_of(setup, args):
            for value in (sweep[1] if sweep else [None]):
                for algorithm in algorithms:
                    runs.append(Run(setup, value, algorithm, seed, args))
    return runs


def spread(values):
    """'mean (min-max, n)' of the values that are not None."""
    values = [v for v in values if v is not None and not math.isnan(v)]
    if not values:
        return "not reached", None
    mean = sum(values) / len(values)
    if len(values) == 1:
        return f"{mean:.4g} (n=1)", mean
    return f"{mean:.4g} ({min(values):.4g}-{max(values):.4g}, n={len(values)})", mean


def by(runs, **keys):
    return [r for r in runs if all(getattr(r, k) == v for k, v in keys.items())]


def ratios(runs, setup, value, baseline, target):
    """Per-seed baseline/DivShare time-to-target ratios; a seed where DivShare reaches the
    target and the baseline does not gives a lower bound (the run's length), kept apart."""
    exact, bounds, limited, paired = [], [], False, False
    for ours in by(runs, setup=setup, value=value, algorithm="divshare"):
        theirs = by(runs, setup=setup, value=value, algorithm=baseline, seed=ours.seed)
        if not theirs:
            continue
        paired = True
        mine, other = ours.time_to(target), theirs[0].time_to(target)
        if mine is None:
            continue
        limited |= mine <= 2 * ours.interval()
        if other is None:
            bounds.append(theirs[0].summary["simulated_seconds"] / mine)
        else:
            exact.append(other / mine)
    if not paired:
        return NOT_RUN
    text, _ = spread(exact)
    if bounds:
        text += f"; > {min(bounds):.3g} in {len(bounds)} seed(s) where {baseline} never reached it"
    if limited:
        text += " (set by the evaluation interval)"
    return text


def metric_name(dataset):
    return "accuracy" if dataset == "cifar10" else "test RMSE"


def report_setup(setup, runs, lines):
    scenario, dataset, keys, sweep, algorithms, _ = SETUPS[setup]
    mine = by(runs, setup=setup)
    if not mine:
        return
    target = mine[0].summary["target"]
    interval = min(r.interval() for r in mine)
    seeds = sorted({r.seed for r in mine})
    lines += [f"## {setup}", "",
              f"`{scenario}`" + "".join(f" `--{k}={v}`" for k, v in keys.items()) +
              f"; seeds {', '.join(map(str, seeds))}; evaluation every {interval:g} s; "
              f"target {metric_name(dataset)} {target}. Paper: {PAPER[dataset]}.", ""]
    values = sweep[1] if sweep else [None]
    head = ([sweep[0]] if sweep else []) + [
        "algorithm", f"final {metric_name(dataset)}", "time to target (s)",
        "MB sent per node", "wall s per run"]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for value in values:
        for algorithm in algorithms:
            group = by(mine, value=value, algorithm=algorithm)
            if not group:
                continue
            reached = [r.time_to(target) for r in group]
            tta, _ = spread(reached)
            missed = sum(t is None for t in reached)
            if missed and missed < len(reached):
                tta += f"; not reached in {missed}"
            cells = ([value] if sweep else []) + [
                algorithm, spread([r.final() for r in group])[0], tta,
                spread([r.summary["bytes_sent_total"] / r.summary["nodes"] / 1e6
                        for r in group])[0],
                spread([r.summary["wall_seconds"] for r in group])[0]]
            lines.append("| " + " | ".join(cells) + " |")
    reused = sorted({r.value for r in mine if r.reused}, key=values.index)
    if reused:
        lines += ["", f"{sweep[0]} = {', '.join(reused)} is the scenario's own value: those "
                  "rows are the main setup's runs of the same seeds (runs.csv names them)."]
    lines.append("")
    for value in values:
        prefix = f"{sweep[0]}={value}: " if sweep else ""
        for baseline in BASELINES:
            if baseline not in algorithms or "divshare" not in algorithms:
                continue
            lines.append(f"- {prefix}{baseline}/divshare time-to-target ratio: "
                         f"{ratios(mine, setup, value, baseline, target)}")
            if dataset == "movielens":
                gaps = [(1 - o.final() / t[0].final()) * 100
                        for o in by(mine, value=value, algorithm="divshare")
                        for t in [by(mine, value=value, algorithm=baseline, seed=o.seed)] if t]
                lines.append(f"- {prefix}divshare final RMSE lower than {baseline} by " +
                             (f"{spread(gaps)[0]} %" if gaps else NOT_RUN) +
                             " (paper: 9.5 % lower test loss)")
            else:
                gaps = [(o.final() - t[0].final()) * 100
                        for o in by(mine, value=value, algorithm="divshare")
                        for t in [by(mine, value=value, algorithm=baseline, seed=o.seed)] if t]
                lines.append(f"- {prefix}final accuracy, divshare minus {baseline}: " +
                             (f"{spread(gaps)[0]} points" if gaps else NOT_RUN))
    if not sweep and len(algorithms) > 1:
        lines += ["", f"Time to {metric_name(dataset)} against target (s; mean, min-max over "
                  "seeds) and the AD-PSGD/DivShare ratio:", ""]
        head = ["target"] + algorithms + ["adpsgd/divshare"]
        lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for t in TARGETS[dataset]:
            cells = [f"{t:g}"] + [spread([r.time_to(t) for r in by(mine, algorithm=a)])[0]
                                  if by(mine, algorithm=a) else NOT_RUN for a in algorithms]
            cells.append(ratios(mine, setup, None, "adpsgd", t))
            lines.append("| " + " | ".join(cells) + " |")
    lines.append("")


def error_bars(axis, points, label, color, every):
    """Mean and min-max of each (x, values) point; values that are None (not reached) are
    left out, and with every=True so is a point where any is."""
    xs, means, lows, highs = [], [], [], []
    for x, values in points:
        got = [v for v in values if v is not None]
        if got and (not every or len(got) == len(values)):
            xs.append(x)
            means.append(sum(got) / len(got))
            lows.append(means[-1] - min(got))
            highs.append(max(got) - means[-1])
    axis.errorbar(xs, means, yerr=[lows, highs], marker="o", capsize=4, label=label,
                  color=f"C{color}")
    return len(xs)


def plot_setup(setup, runs, out):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("reproduce-paper: no matplotlib; figures skipped", file=sys.stderr)
        return None
    _, dataset, _, sweep, algorithms, _ = SETUPS[setup]
    mine = by(runs, setup=setup)
    if not mine:
        return None
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.8))
    if sweep:
        target = mine[0].summary["target"]
        values = sweep[1]
        for i, algorithm in enumerate(algorithms):
            for axis, measure in ((left, lambda r: r.time_to(target)), (right, Run.final)):
                points = [(x, [measure(r) for r in by(mine, value=value, algorithm=algorithm)])
                          for x, value in enumerate(values)]
                error_bars(axis, points, algorithm, i, every=False)
        for axis in (left, right):
            axis.set_xticks(range(len(values)), values)
            axis.set_xlabel(sweep[0])
            axis.grid(alpha=0.3)
            axis.legend()
        left.set_ylabel(f"time to {metric_name(dataset)} {target} (s)")
        right.set_ylabel(f"final {metric_name(dataset)}")
    else:
        plotted = 0
        for i, algorithm in enumerate(algorithms):
            group = by(mine, algorithm=algorithm)
            times = sorted({t for r in group for t, _ in r.curve})
            columns = [[dict(r.curve).get(t) for r in group] for t in times]
            columns = [[v for v in c if v is not None] for c in columns]
            mean = [sum(c) / len(c) for c in columns]
            left.plot(times, mean, label=f"{algorithm} ({len(group)} seeds)", color=f"C{i}")
            left.fill_between(times, [min(c) for c in columns], [max(c) for c in columns],
                              color=f"C{i}", alpha=0.2, linewidth=0)
            points = [(t, [r.time_to(t) for r in group]) for t in TARGETS[dataset]]
            plotted += error_bars(right, points, algorithm, i, every=True)
        if not plotted:
            right.text(0.5, 0.5, f"no algorithm reached any of the targets\n"
                       f"{', '.join(f'{t:g}' for t in TARGETS[dataset])} in every seed",
                       transform=right.transAxes, ha="center", va="center")
        left.set_xlabel("simulated time (s)")
        left.set_ylabel(f"mean {metric_name(dataset)} (band: min-max over seeds)")
        right.set_xlabel(f"target {metric_name(dataset)}")
        right.set_ylabel("time to target (s; reached in every seed)")
        if dataset == "movielens":
            right.invert_xaxis()
            # Every algorithm falls from the initial RMSE within the first interval; an axis
            # scaled to what follows shows where they differ (the first point is cut off).
            later = [v for r in mine for _, v in r.curve[1:]]
            if later:
                margin = 0.05 * (max(later) - min(later)) or 0.01
                left.set_ylim(min(later) - margin, max(later) + margin)
        for axis in (left, right):
            axis.grid(alpha=0.3)
            axis.legend()
    fig.suptitle(setup)
    fig.tight_layout()
    path = os.path.join(out, f"{setup}.png")
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def table_rows(runs):
    """The rows of runs.csv and of tta.csv, by setup."""
    rows, tta = {}, {}
    for r in runs:
        s = r.summary
        rows.setdefault(r.setup, []).append(
            [r.setup, r.value or "", r.algorithm, r.seed, r.final(), s["target"],
             s["time_to_target_s"], s["bytes_sent_total"] / s["nodes"],
             s["simulated_seconds"], s["wall_seconds"], r.folder])
        for t in TARGETS[r.dataset]:
            reached = r.time_to(t)
            tta.setdefault(r.setup, []).append([r.setup, r.value or "", r.algorithm, r.seed, t,
                                                "" if reached is None else reached])
    return rows, tta


def previous_sections(path):
    """The sections of the reproduction.md at path, by setup: each from its heading to the
    next, its figure's link included."""
    sections, setup = {}, None
    if os.path.isfile(path):
        with open(path) as f:
            for line in f.read().removesuffix("\n").split("\n"):
                if line.startswith("## "):
                    setup = line[3:]
                    sections[setup] = []
                if setup is not None:
                    sections[setup].append(line)
    return sections


def previous_rows(path, header):
    """The rows of the runs.csv or tta.csv at path, by setup, as they were written."""
    rows = {}
    if os.path.isfile(path):
        with open(path, newline="") as f:
            table = list(csv.reader(f))
        if table and table[0] != header:
            sys.exit(f"reproduce-paper: {path} has other columns than {', '.join(header)}; "
                     "report every setup in it at once (--only) to write it anew")
        for row in table[1:]:
            rows.setdefault(row[0], []).append(row)
    return rows


def in_order(by_setup):
    """The values of a dict by setup in the order of SETUPS; setups it no longer knows (an
    older report's) after them, as they came."""
    known = list(SETUPS)
    setups = sorted(by_setup, key=lambda s: known.index(s) if s in SETUPS else len(known))
    return [by_setup[s] for s in setups]


def write_table(path, header, by_setup):
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for rows in in_order(by_setup):
            writer.writerows(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cifar10", default=os.path.join(ROOT, "..", "shared", "data",
                                                          "cifar-10-batches-bin"))
    parser.add_argument("--movielens", default=os.path.join(ROOT, "..", "shared", "data",
                                                            "ml-latest-small"))
    parser.add_argument("--out", default="results/paper")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--only", default=",".join(DEFAULT_SETUPS),
                        help=f"setups, comma-separated; known: {', '.join(SETUPS)}")
    parser.add_argument("--seeds", help="seeds for every setup (default: 3, 2 for sweeps, "
                        "1 at the reference scale)")
    parser.add_argument("--workers", type=int, default=1, help="LearningWorkers per run")
    parser.add_argument("--jobs", type=int, help="runs at once (default: cores / workers)")
    parser.add_argument("--duration", type=float, help="override every scenario's duration")
    parser.add_argument("--eval-interval", type=float,
                        help="override every scenario's evaluation interval (s)")
    parser.add_argument("--report-only", action="store_true",
                        help="run nothing; report every finished run of the setups, "
                        "whatever options it ran with")
    parser.add_argument("--list", action="store_true", help="print the runs and stop")
    args = parser.parse_args()
    args.only = args.only.split(",")
    for setup in args.only:
        if setup not in SETUPS:
            sys.exit(f"reproduce-paper: --only names an unknown setup '{setup}'; "
                     f"known: {', '.join(SETUPS)}")
    try:
        args.seeds = [int(s) for s in args.seeds.split(",")] if args.seeds else None
    except ValueError:
        sys.exit(f"reproduce-paper: --seeds={args.seeds} is not a comma-separated list of "
                 "integers; write e.g. --seeds=1,2,3")
    if args.workers < 1 or (args.jobs is not None and args.jobs < 1):
        sys.exit("reproduce-paper: --workers and --jobs count from 1")
    jobs = args.jobs or max(1, (os.cpu_count() or 1) // args.workers)

    runs = plan(args)
    pending = [r for r in runs if not r.done()]
    if args.list:
        for r in runs:
            print("reused " if r.reused else "done   " if r.done() else "pending", r.quoted())
        return
    if not args.report_only and pending:
        print(f"reproduce-paper: {len(pending)} of {len(runs)} runs to do, {jobs} at a time",
              flush=True)
        with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
            failures = []
            futures = {pool.submit(r.execute): r for r in pending}
            for n, future in enumerate(concurrent.futures.as_completed(futures), 1):
                error = future.result()
                print(f"[{n}/{len(pending)}] {futures[future].folder}: {error or 'done'}",
                      flush=True)
                if error:
                    failures.append(error)
        if failures:
            sys.exit("reproduce-paper: " + "\n".join(failures))

    # A report takes every finished run, whatever its options (setups may have been run with
    # different evaluation intervals or durations: each setup's report says its own).
    finished = [r.load() for r in runs if (r.finished() if args.report_only else r.done())]
    if not finished:
        sys.exit("reproduce-paper: no run is done yet")
    os.makedirs(args.out, exist_ok=True)
    # Other setups keep what the report before gave them: sections, rows and figures.
    paths = [os.path.join(args.out, name) for name in ("reproduction.md", "runs.csv", "tta.csv")]
    sections, rows, tta = [
        {s: v for s, v in previous.items() if s not in args.only}
        for previous in (previous_sections(paths[0]), previous_rows(paths[1], RUNS_HEADER),
                         previous_rows(paths[2], TTA_HEADER))]
    total = len(runs) + sum(planned(s, args) if s in SETUPS else len(rows.get(s, []))
                            for s in set(sections) | set(rows))
    for setup in args.only:
        lines = []
        report_setup(setup, finished, lines)
        figure = plot_setup(setup, finished, args.out)
        if figure:
            lines += [f"![{setup}]({os.path.basename(figure)})", ""]
        if lines:
            sections[setup] = lines
    fresh_rows, fresh_tta = table_rows(finished)
    rows.update(fresh_rows)
    tta.update(fresh_tta)
    lines = ["# Reproduction of the paper's results", "",
             f"{sum(map(len, rows.values()))} of {total} planned runs done. Each cell: mean "
             "(min-max over seeds, n = seeds).", ""]
    lines += [line for section in in_order(sections) for line in section]
    with open(paths[0], "w") as f:
        f.write("\n".join(lines) + "\n")
    write_table(paths[1], RUNS_HEADER, rows)
    write_table(paths[2], TTA_HEADER, tta)
    print("\n".join(lines))
    print(f"report in {args.out}/reproduction.md; runs.csv, tta.csv and figures beside it")


if __name__ == "__main__":
    main()
