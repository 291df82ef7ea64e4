#!/usr/bin/python3
"""Distributed runs (ns-3's MPI simulator) against one process, in an ns-3 tree built with MPI.

    check-distributed.py NS3_TREE [--ranks 2,4] [--out DIR]

For a star (quick start) and a graph cut along a router link (topologies/dumbbell.topo), runs
the study in one process, then twice under `mpirun -np K` for every K. Fails (exit 1) when a
result file is missing or malformed, when two runs with the same rank count differ (ns-3
needs ns3-patches/ns-3.37-mpi-deterministic-receive.patch for that), or when a distributed
run does not refuse what it cannot do. Prints, per K, whether evaluations.csv and traffic.csv
are byte-identical to one process's and, where not, how far the final mean accuracy is.
"""

import argparse
import filecmp
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# The reader of result folders that the scripts of utils/ share.
sys.path.insert(0, os.path.join(ROOT, "utils"))
import divshare_results as results  # noqa: E402

# OpenMPI refuses root and more ranks than cores unless told.
MPI_ENV = {"OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1",
           "OMPI_MCA_rmaps_base_oversubscribe": "1", "OMP_NUM_THREADS": "1"}
COMMON = ["--duration=6", "--eval_interval=1", "--workers=0"]
ROUNDS = "7"  # at 0, 1, ..., 5 s and at the end
STUDIES = {
    "star": ("divshare-quickstart", ["--nodes=8", "--stragglers=2", "--degree=2"] + COMMON),
    "dumbbell": ("divshare-topology",
                 [f"--topology_file={ROOT}/topologies/dumbbell.topo", "--congestion_traces=false",
                  "--cross_traffic=false"] + COMMON),
}
FILES = ("evaluations.csv", "traffic.csv")


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def program(tree, name):
    found = glob.glob(os.path.join(tree, "build", "contrib", "divshare", "examples",
                                   f"ns3*-{name}-*"))
    if not found:
        fail(f"{tree}: no {name} built; run ./divshare build --ns3-source")
    return found[0]


def run(command, ranks, expect_ok=True):
    if ranks > 1:
        command = ["mpirun", "-np", str(ranks)] + command
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                            env=dict(os.environ, **MPI_ENV))
    if expect_ok and result.returncode != 0:
        fail(f"{' '.join(command)} exited {result.returncode}:\n{result.stderr[-2000:]}")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tree")
    parser.add_argument("--ranks", default="2,4")
    parser.add_argument("--out", default="/tmp/divshare-check-distributed")
    args = parser.parse_args()
    ranks = [int(k) for k in args.ranks.split(",")]

    for study, (name, options) in STUDIES.items():
        binary = program(args.tree, name)
        folders = {}
        for k, repeat in [(1, 0)] + [(k, r) for k in ranks for r in (0, 1)]:
            out = os.path.join(args.out, f"{study}-np{k}-{repeat}")
            run([binary] + options + [f"--output={out}"], k)
            subprocess.run([sys.executable, os.path.join(HERE, "check-results.py"), out, ROUNDS],
                           check=True)
            if results.Result(out).summary["ranks"] != k:
                fail(f"{out}/summary.json: ranks is not {k}")
            folders[(k, repeat)] = out
        for k in ranks:
            for f in FILES:
                if not filecmp.cmp(os.path.join(folders[(k, 0)], f),
                                   os.path.join(folders[(k, 1)], f), shallow=False):
                    fail(f"{study}: two runs with {k} ranks wrote different {f}")
            print(f"PASS: {study}: two runs with {k} ranks are byte-identical")
        one = folders[(1, 0)]
        for k in ranks:
            same = [f for f in FILES
                    if filecmp.cmp(os.path.join(one, f), os.path.join(folders[(k, 0)], f),
                                   shallow=False)]
            gap = (results.Result(folders[(k, 0)]).final("accuracy") -
                   results.Result(one).final("accuracy"))
            print(f"{study}, {k} ranks against one process: identical {', '.join(same) or 'none'}"
                  f"; final mean accuracy {gap:+.4f}")

    # What a distributed run cannot do is refused before it starts, on every rank.
    binary, options = program(args.tree, "divshare-quickstart"), STUDIES["star"][1]
    result = run([binary] + options + ["--crashes=1@2s", f"--output={args.out}/refused"], 2,
                 expect_ok=False)
    if result.returncode == 0 or "needs one process" not in result.stderr:
        fail(f"a crash in a distributed run was not refused:\n{result.stderr[-2000:]}")
    print("PASS: a distributed run refuses a crash event: " +
          result.stderr.strip().splitlines()[0])


if __name__ == "__main__":
    main()
