"""Result folders of divshare runs: reading them, and what the scripts compute from them.

A result folder, as the examples write it, holds summary.json (the run's settings and headline
figures: algorithm, seed, target_metric "accuracy" or "loss", target, time_to_target_s, ...),
evaluations.csv (per evaluation, a row per evaluated node and one whose node is "mean"),
traffic.csv (a row per node), membership.csv and, for scenario runs, scenario.txt (every key
of the scenario as run, one "key = value" a line).

The scripts of utils/ import this module from beside them; the others put utils/ on sys.path.
"""

import csv
import functools
import json
import math
import operator
import os
import re
import subprocess
from dataclasses import dataclass

COMMENT = re.compile(r"(^|[ \t])#.*")  # a comment, as divshare-scenario reads one
MEAN = "mean"  # evaluations.csv's node of the mean over the evaluated nodes
# When the mean reached the target, as divshare's LearningMonitor decides: summary.json's
# target_metric says which, never the data set's name.
REACHED = {"accuracy": operator.ge, "loss": operator.le}
# scenario.txt keys that say where a run wrote, where it read its data set from and how many
# threads it used: runs that differ only in them computed the same results.
MACHINE_KEYS = ("output", "data_path", "workers", "threads")


def number(text):
    """A CSV cell as a float; NaN for an empty one (a metric the workload does not have)."""
    return float(text) if text not in ("", None) else math.nan


def read_table(folder, name):
    """The header and the rows (dicts by column) of the CSV file name in folder."""
    with open(os.path.join(folder, name), newline="") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames or [], list(reader)


def read_rows(folder, name):
    """The rows (dicts by column) of the CSV file name in folder."""
    return read_table(folder, name)[1]


def parse_settings(text):
    """The key/value pairs of a scenario file or scenario.txt, split as divshare-scenario
    splits them: a '#' at a line's start or after a blank starts a comment (one inside a value
    is kept), its first '=' ends the key, and blanks around key and value do not count."""
    pairs = {}
    for line in text.splitlines():
        key, _, value = COMMENT.sub("", line).partition("=")
        if key.strip():
            pairs[key.strip()] = value.strip()
    return pairs


def read_settings(path):
    with open(path) as f:
        return parse_settings(f.read())


def same_value(a, b):
    """Whether two values of a key are the same, numbers by value: a scenario's 10 and an
    override's 10.0 ask for the same run."""
    try:
        return a == b or float(a) == float(b)
    except (TypeError, ValueError):
        return False


def agrees(recorded, wanted):
    """Whether a run that recorded these settings ran with every wanted one (MACHINE_KEYS
    aside); a key it did not record counts as a difference."""
    return all(same_value(recorded.get(k), v) for k, v in wanted.items()
               if k not in MACHINE_KEYS)


class Result:
    """A result folder; each of its files is read when first needed."""

    def __init__(self, folder):
        self.folder = folder

    def has(self, name):
        return os.path.isfile(os.path.join(self.folder, name))

    @functools.cached_property
    def summary(self):
        with open(os.path.join(self.folder, "summary.json")) as f:
            return json.load(f)

    @property
    def settings(self):
        # Read anew each time: a run may be made again in the folder meanwhile.
        return read_settings(os.path.join(self.folder, "scenario.txt"))

    @functools.cached_property
    def evaluations(self):
        return read_rows(self.folder, "evaluations.csv")

    @functools.cached_property
    def means(self):
        """The rows of the mean over the evaluated nodes, one per evaluation."""
        return [row for row in self.evaluations if row["node"] == MEAN]

    def bytes_sent(self):
        """The bytes each node sent, in node order."""
        return [int(row["bytes_sent"]) for row in read_rows(self.folder, "traffic.csv")]

    @property
    def metric(self):
        return self.summary["target_metric"]

    def curve(self, metric=None):
        """(time, mean over the evaluated nodes) of metric at every evaluation; by default of
        the metric the target is set on."""
        metric = metric or self.metric
        return [(number(row["time_s"]), number(row[metric])) for row in self.means]

    def at_nodes(self, metric):
        """The evaluated nodes' values of metric, by evaluation time."""
        values = {}
        for row in self.evaluations:
            if row["node"] != MEAN:
                values.setdefault(number(row["time_s"]), []).append(number(row[metric]))
        return values

    def final(self, metric=None):
        curve = self.curve(metric)
        return curve[-1][1] if curve else math.nan

    def time_to(self, target):
        """The first evaluation's time at which the mean reached target; None if none did."""
        reached = REACHED[self.metric]
        return next((time for time, value in self.curve() if reached(value, target)), None)

    def interval(self):
        """Seconds between evaluations: the first gap (the last evaluation, at the run's end,
        may come sooner); NaN with fewer than two evaluations."""
        times = [number(row["time_s"]) for row in self.means]
        return times[1] - times[0] if len(times) > 1 else math.nan


@dataclass(frozen=True)
class Spread:
    """How n values (one per seed, or per node) spread."""
    n: int
    mean: float
    low: float
    high: float


def spread(values):
    """The Spread of the values there are, None (not reached) and NaN (not evaluated) left
    out; None when there is none."""
    there = [v for v in values if v is not None and not math.isnan(v)]
    if not there:
        return None
    return Spread(len(there), sum(there) / len(there), min(there), max(there))


def point_folder(out, key, value):
    """Where a sweep of key under out writes its runs of value."""
    return os.path.join(out, f"{key}-{value}")


def scenario_command(build, scenario, options):
    """The command that runs scenario with build's divshare-scenario, each of options
    (key: value, in this order) overriding the scenario's key."""
    return ([os.path.join(build, "examples", "divshare-scenario"), scenario] +
            [f"--{key}={value}" for key, value in options.items()])


def execute(command, log=None):
    """Run command, its output into the open file log (default: this process's own), and
    return its exit code."""
    # LibTorch's OpenMP threads must not busy-wait beside the simulator (see the driver script).
    env = dict(os.environ, OMP_WAIT_POLICY=os.environ.get("OMP_WAIT_POLICY", "PASSIVE"))
    return subprocess.run(command, stdout=log, stderr=subprocess.STDOUT if log else None,
                          env=env).returncode
