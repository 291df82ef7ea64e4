#!/usr/bin/python3
"""Reproduce the paper's results with seeds and spreads: setups, sweeps, TTA curves, a report.

    /usr/bin/python3 utils/reproduce-paper.py --cifar10 DIR --movielens DIR
        [--only SETUP,...] [--seeds 1,2,3] [--jobs N] [--workers W] [--eval-interval S]
        [--duration S] [--out results/paper] [--report-only] [--list]

Every (setup, swept value, algorithm, seed) is one run of build/examples/divshare-scenario into
OUT/<setup>/[<key>-<value>/]<algorithm>/seed-<seed>; a finished run whose scenario.txt records
the settings the setup asks for is not run again (where it wrote and read its data and how many
threads it used aside), so an interrupted reproduction resumes where it stopped.
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
import dataclasses
import functools
import glob
import os
import shlex
import sys

import divshare_results as results

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ALGORITHMS = ["divshare", "adpsgd", "swift"]
BASELINES = ["adpsgd", "swift"]
REDUCED_7 = "scenarios/cifar10-stragglers-7of60-reduced.scenario"


@dataclasses.dataclass
class Sweep:
    key: str
    values: list[str]


@dataclasses.dataclass
class Setup:
    """A scenario that every algorithm runs once per seed, with keys of it overridden, and
    once per swept value if it is a sweep."""
    scenario: str  # relative to ROOT
    keys: dict[str, str] = dataclasses.field(default_factory=dict)
    sweep: Sweep | None = None
    algorithms: list[str] = dataclasses.field(default_factory=lambda: list(ALGORITHMS))
    seeds: int = 3  # how many, unless --seeds names them

    @functools.cached_property
    def settings(self):
        return results.read_settings(os.path.join(ROOT, self.scenario))

    @property
    def dataset(self):
        return self.settings["dataset"]

    def values(self):
        """The swept values; [None] for a setup that is no sweep."""
        return self.sweep.values if self.sweep else [None]


# The straggler sweep scales the paper's 0, 7, 15 and 30 of 60 to the reduced 20 nodes.
SETUPS = {
    "cifar10-7of60": Setup(REDUCED_7),
    "cifar10-30of60": Setup("scenarios/cifar10-stragglers-30of60-reduced.scenario"),
    "movielens": Setup("scenarios/movielens-stragglers-reduced.scenario"),
    "movielens-nobias": Setup("scenarios/movielens-stragglers-reduced.scenario",
                              keys={"mf_biases": "false"}),
    "sweep-fragments": Setup(REDUCED_7, sweep=Sweep("fragments", ["1", "2", "10"]),
                             algorithms=["divshare"], seeds=2),
    "sweep-degree": Setup(REDUCED_7, sweep=Sweep("degree", ["3", "6", "9", "12"]),
                          algorithms=["divshare"], seeds=2),
    "sweep-stragglers": Setup(REDUCED_7, sweep=Sweep("stragglers", ["0", "2", "5", "10"]),
                              algorithms=["divshare", "adpsgd"], seeds=2),
    "cifar10-7of60-reference": Setup("scenarios/cifar10-stragglers-7of60-reference.scenario",
                                     seeds=1),
    "cifar10-30of60-reference": Setup("scenarios/cifar10-stragglers-30of60-reference.scenario",
                                      seeds=1),
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


class Run(results.Result):
    """One run of a setup: a result folder once finished."""

    def __init__(self, setup, value, algorithm, seed, args):
        spec = SETUPS[setup]
        self.setup, self.value, self.algorithm, self.seed = setup, value, algorithm, seed
        self.reused = False
        self.dataset = spec.dataset
        out = os.path.join(args.out, setup)
        if spec.sweep:
            out = results.point_folder(out, spec.sweep.key, value)
        super().__init__(os.path.join(out, algorithm, f"seed-{seed}"))
        # In the order of the command line, which command.txt records.
        self.options = {"algorithm": algorithm, "seed": str(seed), "output": self.folder,
                        "data_path": args.cifar10 if self.dataset == "cifar10" else args.movielens,
                        "workers": str(args.workers), **spec.keys}
        if spec.sweep:
            self.options[spec.sweep.key] = value
        if args.duration:
            self.options["duration"] = str(args.duration)
        if args.eval_interval:
            self.options["eval_interval"] = str(args.eval_interval)
        self.command = results.scenario_command(args.build, os.path.join(ROOT, spec.scenario),
                                                self.options)
        if spec.sweep:
            self.reuse_main_run(spec, args)

    def wanted(self):
        """The settings this run asks for: its scenario's, as its options override them."""
        return {**SETUPS[self.setup].settings, **self.options}

    def reuse_main_run(self, spec, args):
        """A sweep's point at the scenario's own value is its main setup's run of this
        seed: take that run when its scenario.txt shows this value and it ran as this point
        would (to run: with the settings this point asks for; to report: with the settings
        of the sweep's finished points of this seed but for the swept key)."""
        main = [name for name, s in SETUPS.items()
                if s.scenario == spec.scenario and s.keys == spec.keys and not s.sweep]
        if not main:
            return
        other = Run(main[0], None, self.algorithm, self.seed, args)
        if not other.finished():
            return
        key = spec.sweep.key
        theirs = other.settings
        if theirs.get(key) != self.value:
            return
        if args.report_only:
            points = glob.glob(os.path.join(
                results.point_folder(os.path.join(args.out, self.setup), key, "*"),
                self.algorithm, f"seed-{self.seed}", "scenario.txt"))
            # Keys one of them lacks came later, with defaults that keep results as they were.
            same = all(results.agrees(theirs, {k: v for k, v in point.items()
                                               if k != key and k in theirs})
                       for point in map(results.read_settings, points))
        else:
            same = results.agrees(theirs, self.wanted())
        if same:
            self.folder, self.reused = other.folder, True
            with open(os.path.join(other.folder, "command.txt")) as f:
                self.command = [c.replace("$ROOT", ROOT) for c in shlex.split(f.read())]

    def finished(self):
        """Whether a run of this setup, algorithm and seed ended here, with whatever settings:
        divshare-scenario wrote its settings and summary, and execute() its command."""
        return all(os.path.isfile(os.path.join(self.folder, name))
                   for name in ("scenario.txt", "summary.json", "command.txt"))

    def done(self):
        """Whether a run with the settings this one asks for ended here: one to keep, not to
        repeat."""
        return self.finished() and results.agrees(self.settings, self.wanted())

    def quoted(self):
        """The command with this checkout's path written as $ROOT: committed runs resume in
        any clone."""
        return " ".join(shlex.quote(c) for c in self.command).replace(ROOT, "$ROOT")

    def execute(self):
        os.makedirs(self.folder, exist_ok=True)
        with open(os.path.join(self.folder, "log.txt"), "w") as log:
            code = results.execute(self.command, log)
        if code != 0:
            return f"failed (exit {code}; see {self.folder}/log.txt): {self.quoted()}"
        with open(os.path.join(self.folder, "command.txt"), "w") as f:
            f.write(self.quoted() + "\n")
        return None


def seeds_of(setup, args):
    return args.seeds or list(range(1, SETUPS[setup].seeds + 1))


def planned(setup, args):
    """How many runs plan() gives the setup."""
    spec = SETUPS[setup]
    return len(seeds_of(setup, args)) * len(spec.values()) * len(spec.algorithms)


def plan(args):
    runs = []
    for setup in args.only:
        spec = SETUPS[setup]
        # Seed by seed, so that an interrupted reproduction has complete seeds to compare.
        for seed in seeds_of(setup, args):
            for value in spec.values():
                for algorithm in spec.algorithms:
                    runs.append(Run(setup, value, algorithm, seed, args))
    return runs


def cell(values):
    """'mean (min-max, n=seeds)' of the values there are (see results.spread)."""
    s = results.spread(values)
    if s is None:
        return "not reached"
    if s.n == 1:
        return f"{s.mean:.4g} (n=1)"
    return f"{s.mean:.4g} ({s.low:.4g}-{s.high:.4g}, n={s.n})"


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
    text = cell(exact)
    if bounds:
        text += f"; > {min(bounds):.3g} in {len(bounds)} seed(s) where {baseline} never reached it"
    if limited:
        text += " (set by the evaluation interval)"
    return text


def metric_name(dataset):
    return "accuracy" if dataset == "cifar10" else "test RMSE"


def report_setup(setup, runs, lines):
    spec = SETUPS[setup]
    dataset, sweep, algorithms, values = spec.dataset, spec.sweep, spec.algorithms, spec.values()
    mine = by(runs, setup=setup)
    if not mine:
        return
    target = mine[0].summary["target"]
    interval = min(r.interval() for r in mine)
    seeds = sorted({r.seed for r in mine})
    lines += [f"## {setup}", "",
              f"`{spec.scenario}`" + "".join(f" `--{k}={v}`" for k, v in spec.keys.items()) +
              f"; seeds {', '.join(map(str, seeds))}; evaluation every {interval:g} s; "
              f"target {metric_name(dataset)} {target}. Paper: {PAPER[dataset]}.", ""]
    head = ([sweep.key] if sweep else []) + [
        "algorithm", f"final {metric_name(dataset)}", "time to target (s)",
        "MB sent per node", "wall s per run"]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for value in values:
        for algorithm in algorithms:
            group = by(mine, value=value, algorithm=algorithm)
            if not group:
                continue
            reached = [r.time_to(target) for r in group]
            tta = cell(reached)
            missed = sum(t is None for t in reached)
            if missed and missed < len(reached):
                tta += f"; not reached in {missed}"
            cells = ([value] if sweep else []) + [
                algorithm, cell([r.final() for r in group]), tta,
                cell([r.summary["bytes_sent_total"] / r.summary["nodes"] / 1e6 for r in group]),
                cell([r.summary["wall_seconds"] for r in group])]
            lines.append("| " + " | ".join(cells) + " |")
    reused = sorted({r.value for r in mine if r.reused}, key=values.index)
    if reused:
        lines += ["", f"{sweep.key} = {', '.join(reused)} is the scenario's own value: those "
                  "rows are the main setup's runs of the same seeds (runs.csv names them)."]
    lines.append("")
    for value in values:
        prefix = f"{sweep.key}={value}: " if sweep else ""
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
                             (f"{cell(gaps)} %" if gaps else NOT_RUN) +
                             " (paper: 9.5 % lower test loss)")
            else:
                gaps = [(o.final() - t[0].final()) * 100
                        for o in by(mine, value=value, algorithm="divshare")
                        for t in [by(mine, value=value, algorithm=baseline, seed=o.seed)] if t]
                lines.append(f"- {prefix}final accuracy, divshare minus {baseline}: " +
                             (f"{cell(gaps)} points" if gaps else NOT_RUN))
    if not sweep and len(algorithms) > 1:
        lines += ["", f"Time to {metric_name(dataset)} against target (s; mean, min-max over "
                  "seeds) and the AD-PSGD/DivShare ratio:", ""]
        head = ["target"] + algorithms + ["adpsgd/divshare"]
        lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for t in TARGETS[dataset]:
            cells = [f"{t:g}"] + [cell([r.time_to(t) for r in by(mine, algorithm=a)])
                                  if by(mine, algorithm=a) else NOT_RUN for a in algorithms]
            cells.append(ratios(mine, setup, None, "adpsgd", t))
            lines.append("| " + " | ".join(cells) + " |")
    lines.append("")


def error_bars(axis, points, label, color, every):
    """Mean and min-max of each (x, values) point; values that are None (not reached) are
    left out, and with every=True so is a point where any is."""
    xs, means, lows, highs = [], [], [], []
    for x, values in points:
        s = results.spread(values)
        if s and (not every or s.n == len(values)):
            xs.append(x)
            means.append(s.mean)
            lows.append(s.mean - s.low)
            highs.append(s.high - s.mean)
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
    spec = SETUPS[setup]
    dataset, sweep, algorithms = spec.dataset, spec.sweep, spec.algorithms
    mine = by(runs, setup=setup)
    if not mine:
        return None
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.8))
    if sweep:
        target = mine[0].summary["target"]
        values = sweep.values
        for i, algorithm in enumerate(algorithms):
            for axis, measure in ((left, lambda r: r.time_to(target)), (right, Run.final)):
                points = [(x, [measure(r) for r in by(mine, value=value, algorithm=algorithm)])
                          for x, value in enumerate(values)]
                error_bars(axis, points, algorithm, i, every=False)
        for axis in (left, right):
            axis.set_xticks(range(len(values)), values)
            axis.set_xlabel(sweep.key)
            axis.grid(alpha=0.3)
            axis.legend()
        left.set_ylabel(f"time to {metric_name(dataset)} {target} (s)")
        right.set_ylabel(f"final {metric_name(dataset)}")
    else:
        plotted = 0
        for i, algorithm in enumerate(algorithms):
            group = by(mine, algorithm=algorithm)
            curves = [dict(r.curve()) for r in group]
            times = sorted({t for c in curves for t in c})
            spreads = [results.spread([c.get(t) for c in curves]) for t in times]
            left.plot(times, [s.mean for s in spreads], label=f"{algorithm} ({len(group)} seeds)",
                      color=f"C{i}")
            left.fill_between(times, [s.low for s in spreads], [s.high for s in spreads],
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
            later = [v for r in mine for _, v in r.curve()[1:]]
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
    finished = [r for r in runs if (r.finished() if args.report_only else r.done())]
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
