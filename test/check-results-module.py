#!/usr/bin/python3
"""Check utils/divshare_results.py, the reader of result folders the scripts share, on fixture
folders written into a temporary folder: the mean curve, time to an accuracy and to a loss
target, the evaluation interval, the nodes' values, the spread over seeds and the comparison
of recorded settings with wanted ones.

    check-results-module.py

Exits 1 naming the first difference.
"""

import json
import math
import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "utils"))
import divshare_results as results  # noqa: E402

TOLERANCE = 1e-9
# (time, node's accuracy, loss) of two evaluated nodes; the run ends at 25 s, half an interval
# after the last regular evaluation.
NODES = {0: [(0.10, 2.30), (0.20, 2.10)], 10: [(0.30, 1.60), (0.50, 1.20)],
         20: [(0.55, 1.00), (0.45, 1.00)], 25: [(0.70, 0.80), (0.60, 0.90)]}
MEAN = [(0, 0.15, 2.20), (10, 0.40, 1.40), (20, 0.50, 1.00), (25, 0.65, 0.85)]


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def close(got, wanted):
    """Floats within TOLERANCE, lists element by element, anything else equal."""
    if isinstance(wanted, float):
        return isinstance(got, (int, float)) and abs(got - wanted) <= TOLERANCE
    if isinstance(wanted, list):
        return (isinstance(got, list) and len(got) == len(wanted) and
                all(map(close, got, wanted)))
    return got == wanted


def expect(what, got, wanted):
    if not close(got, wanted):
        fail(f"{what}: {got!r}, expected {wanted!r}")


def write_run(folder, metric, target):
    """A run folder as divshare-scenario writes it, with the curve of NODES and MEAN."""
    os.makedirs(folder)
    with open(os.path.join(folder, "evaluations.csv"), "w") as f:
        f.write("time_s,node,iteration,accuracy,loss,mae,consensus_distance,evaluated_nodes\n")
        for time, accuracy, loss in MEAN:
            for node, (a, l) in enumerate(NODES[time]):
                f.write(f"{time},{node},{time},{a},{l},,,\n")
            f.write(f"{time},mean,{time},{accuracy},{loss},,0.01,2\n")
    with open(os.path.join(folder, "traffic.csv"), "w") as f:
        f.write("node,iterations,bytes_sent\n0,25,1000\n1,25,3000\n")
    with open(os.path.join(folder, "summary.json"), "w") as f:
        json.dump({"algorithm": "divshare", "target_metric": metric, "target": target,
                   "time_to_target_s": None, "simulated_seconds": 25}, f)
    with open(os.path.join(folder, "scenario.txt"), "w") as f:
        f.write(f"name = fixture\nseed = 1\noutput = {folder}\nworkers = 2\neval_interval = 10\n"
                f"topology_file = \ncompute_time = ns3::ConstantRandomVariable[Constant=1.0]\n")
    return results.Result(folder)


def check_accuracy_run(tmp):
    run = write_run(os.path.join(tmp, "accuracy"), "accuracy", 0.45)
    expect("mean accuracy curve", [v for _, v in run.curve()], [m[1] for m in MEAN])
    expect("curve times", [t for t, _ in run.curve()], [float(m[0]) for m in MEAN])
    expect("mean loss curve", [v for _, v in run.curve("loss")], [m[2] for m in MEAN])
    expect("final accuracy", run.final(), 0.65)
    expect("time to accuracy 0.45", run.time_to(0.45), 20.0)
    expect("time to accuracy 0.5 (reached at equality)", run.time_to(0.5), 20.0)
    expect("time to accuracy 0.1 (the first evaluation)", run.time_to(0.1), 0.0)
    expect("time to accuracy 0.9", run.time_to(0.9), None)
    expect("evaluation interval", run.interval(), 10.0)
    expect("nodes' accuracy at 10 s", run.at_nodes("accuracy")[10.0], [0.30, 0.50])
    expect("bytes sent", run.bytes_sent(), [1000, 3000])
    header, rows = results.read_table(run.folder, "traffic.csv")
    expect("traffic.csv header", header, ["node", "iterations", "bytes_sent"])
    expect("traffic.csv rows", len(rows), 2)


def check_loss_run(tmp):
    """The same curve with a loss target: reached from above."""
    run = write_run(os.path.join(tmp, "loss"), "loss", 1.2)
    expect("final loss", run.final(), 0.85)
    expect("time to loss 1.2", run.time_to(1.2), 20.0)
    expect("time to loss 1.4 (reached at equality)", run.time_to(1.4), 10.0)
    expect("time to loss 0.5", run.time_to(0.5), None)
    one = results.Result(os.path.join(tmp, "one"))
    os.makedirs(one.folder)
    with open(os.path.join(one.folder, "evaluations.csv"), "w") as f:
        f.write("time_s,node,accuracy,loss\n0,mean,,3.5\n")
    expect("accuracy of a loss workload", math.isnan(one.final("accuracy")), True)
    expect("interval of a single evaluation", math.isnan(one.interval()), True)
    open(os.path.join(one.folder, "traffic.csv"), "w").close()
    expect("an empty CSV file", results.read_table(one.folder, "traffic.csv"), ([], []))


def check_spread():
    s = results.spread([0.4, None, 0.1, math.nan, 0.7])
    expect("spread n", s.n, 3)
    expect("spread mean", s.mean, 0.4)
    expect("spread low", s.low, 0.1)
    expect("spread high", s.high, 0.7)
    expect("spread of nothing reached", results.spread([None, None]), None)
    expect("spread of one seed", results.spread([5.0]), results.Spread(1, 5.0, 5.0, 5.0))


def check_settings(tmp):
    recorded = results.Result(os.path.join(tmp, "accuracy")).settings
    expect("an empty value", recorded["topology_file"], "")
    expect("a value with '='", recorded["compute_time"],
           "ns3::ConstantRandomVariable[Constant=1.0]")
    scenario = results.parse_settings("# a comment\nname = fixture  # the name\n\n"
                                      "seed=1\neval_interval = 10.0\noutput = elsewhere\n")
    expect("a scenario file", scenario, {"name": "fixture", "seed": "1",
                                         "eval_interval": "10.0", "output": "elsewhere"})
    expect("a '#' inside a value is kept", results.parse_settings("data_path = /d/#1 #c\n"),
           {"data_path": "/d/#1"})
    expect("the same settings, numbers by value, where and with how many workers aside",
           results.agrees(recorded, {**scenario, "workers": "1", "data_path": "/data"}), True)
    expect("another seed", results.agrees(recorded, {"seed": "2"}), False)
    expect("a key the run did not record", results.agrees(recorded, {"degree": "6"}), False)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        check_accuracy_run(tmp)
        check_loss_run(tmp)
        check_spread()
        check_settings(tmp)
    print("PASS: divshare_results reads curves, times to accuracy and loss targets, intervals, "
          "spreads and settings as expected")


if __name__ == "__main__":
    main()
