#!/usr/bin/python3
"""How the simulator's cost grows with the node count, and where the wall time goes.

    /usr/bin/python3 benchmarks/scaling-benchmark.py [--stars 16,64,256,1024] [--star-time 6]
        [--wifi 16,64,256] [--cifar10 DIR] [--cifar-duration 60] [--workers 1,0]
        [--out results/scaling]
        [--ns3-tree DIR [--ranks 1,2]] [--key=value ...]   (any other option goes to every run)

Runs the quick start (synthetic task, MLP) on stars of the given sizes, and, with --cifar10,
the reduced CIFAR-10 7-of-60 scenario once per worker count (0: the default, one per core but the simulator's), then prints
one table (also written as OUT/scaling.md and OUT/scaling.csv):

  wall/sim     wall seconds per simulated second
  ms/MB        wall milliseconds per MB of model messages sent
  kev/s        thousands of ns-3 events per wall second (per rank: divided by the ranks)
  speedup      wall of the same star in one process over this run's
  torch s      LibTorch thread-seconds (training + evaluation, summed over workers)
  sim waits    share of wall the simulator's thread spent running or waiting for LibTorch
  sim busy s   wall seconds the simulator's thread spent simulating (the limit on many cores)
  peak RSS     of the whole process (with ranks: of the largest rank)

--wifi runs, for each count N, N Wi-Fi stations in sqrt(N) cells (802.11ax, 20 MHz, each
cell its own channel, stations 5 m from their AP, APs wired to one router at 1 Gbit/s) and the
same nodes wired (the same routers, 100 Mbit/s access links), for --star-time simulated seconds
each: rows wifi-N and wired-N, whose ms/MB and kev/s compare what a radio costs the simulator.

--ns3-tree runs the programs of an ns-3 source tree built by `./divshare build --ns3-source`
(optimized, with ns3-patches/ applied) instead of those of the standalone build against
Debian's ns-3. With it, --ranks runs each star also as a distributed run of that many ranks
(`mpirun -np K`; the ranks of one star share this machine's cores).

Minutes for the default stars on 2 cores; the 1,024-node star takes the longest.
"""

import argparse
import csv
import glob
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# The reader of result folders that the scripts of utils/ share.
sys.path.insert(0, os.path.join(ROOT, "utils"))
import divshare_results as results  # noqa: E402

CIFAR_SCENARIO = "scenarios/cifar10-stragglers-7of60-reduced.scenario"


# OpenMPI refuses root and more ranks than cores unless told.
MPI_ENV = {"OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1",
           "OMPI_MCA_rmaps_base_oversubscribe": "1"}


def run(name, command, out):
    """Run one configuration; return its summary.json with the process's peak RSS added
    (under mpirun, wait4 reports the largest rank's)."""
    env = dict(os.environ, OMP_WAIT_POLICY=os.environ.get("OMP_WAIT_POLICY", "PASSIVE"),
               **MPI_ENV)
    print(f"[{name}] {' '.join(command)}", file=sys.stderr, flush=True)
    start = time.monotonic()
    with open(os.path.join(out, "log.txt"), "w") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        sys.exit(f"{name}: exit status {status}; see {out}/log.txt")
    summary = results.Result(out).summary
    summary["peak_rss_mb"] = usage.ru_maxrss / 1024
    summary["process_wall_seconds"] = time.monotonic() - start
    return summary


def program(args, name):
    """The example NAME of the standalone build, or of the ns-3 tree (ns3.VERSION-NAME-PROFILE)."""
    if not args.ns3_tree:
        return os.path.join(args.build, "examples", name)
    found = glob.glob(os.path.join(args.ns3_tree, "build", "contrib", "divshare", "examples",
                                   f"ns3*-{name}-*"))
    if not found:
        sys.exit(f"--ns3-tree {args.ns3_tree}: no {name} built there; run "
                 "./divshare build --ns3-source")
    return found[0]


def row(name, s):
    wall = s["wall_seconds"]
    torch = s["wall_training_seconds"] + s["wall_evaluation_seconds"]
    mb = s["bytes_sent_total"] / 1e6
    return {
        "run": name,
        "nodes": s["nodes"],
        "workers": s.get("workers", ""),
        "sim s": s["simulated_seconds"],
        "wall s": round(wall, 1),
        "wall/sim": round(wall / s["simulated_seconds"], 2),
        "MB sent": round(mb, 1),
        "ms/MB": round(1000 * wall / mb, 1) if mb else "",
        "ranks": s.get("ranks", 1),
        "kev/s": round(s["events"] / wall / 1000, 1) if "events" in s else "",
        "kev/s/rank": round(s["events"] / s.get("ranks", 1) / wall / 1000, 1)
        if "events" in s else "",
        "torch s": round(torch, 1),
        "sim waits": f"{100 * s.get('wall_learning_wait_seconds', 0) / wall:.0f}%",
        "sim busy s": round(s["wall_other_seconds"], 1),
        "peak RSS MB": round(s["peak_rss_mb"]),
        "accuracy": round(s["final_mean_accuracy"], 4),
    }


def edge_topology(stations, cells, wifi):
    """A router with `cells` APs (or wired routers) and `stations` learning nodes among them."""
    lines = ["router core"]
    for c in range(cells):
        count = stations // cells + (1 if c < stations % cells else 0)
        if wifi:
            lines.append(f"wifi ap{c} core rate=1Gbps delay=0.5ms")
            lines.append(f"stations s{c}- {count} ap{c} radius=5")
        else:
            lines.append(f"router ap{c}")
            lines.append(f"link ap{c} core rate=1Gbps delay=0.5ms")
            lines.append(f"hosts s{c}- {count} ap{c} rate=100Mbps delay=0.1ms")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--ns3-tree", help="an ns-3 tree with this module built in contrib/")
    parser.add_argument("--out", default="results/scaling")
    parser.add_argument("--stars", default="16,64,256,1024",
                        help="star sizes, comma-separated ('' for none)")
    parser.add_argument("--star-time", type=float, default=6.0, help="simulated seconds")
    parser.add_argument("--star-time-1024", type=float, default=10.0,
                        help="simulated seconds of stars of 1,024 nodes or more")
    parser.add_argument("--wifi", default="",
                        help="station counts of Wi-Fi cells and their wired twins, comma-separated")
    parser.add_argument("--cifar10", help="cifar-10-batches-bin folder: adds the CIFAR-10 runs")
    parser.add_argument("--cifar-duration", type=float, default=60.0,
                        help="simulated seconds of the CIFAR-10 runs (the scenario says 300)")
    parser.add_argument("--ranks", default="1",
                        help="rank counts of the stars (above 1: mpirun, needs --ns3-tree)")
    parser.add_argument("--workers", default="1,0",
                        help="worker counts of the CIFAR-10 runs (0: the default, one per core but the simulator's)")
    # Anything else (--key=value) goes to every run.
    args, extra = parser.parse_known_args()

    ranks = [int(k) for k in args.ranks.split(",") if k]
    if any(k > 1 for k in ranks) and not args.ns3_tree:
        sys.exit("--ranks above 1 needs --ns3-tree: Debian's ns-3 has no MPI")
    rows = []
    for nodes in [int(n) for n in args.stars.split(",") if n]:
        single = None
        for k in ranks:
            name = f"star-{nodes}" + (f"-np{k}" if k > 1 else "")
            out = os.path.join(args.out, name)
            os.makedirs(out, exist_ok=True)
            sim = args.star_time_1024 if nodes >= 1024 else args.star_time
            command = [program(args, "divshare-quickstart"),
                       f"--nodes={nodes}", f"--stragglers={nodes // 4}", f"--duration={sim}",
                       f"--output={out}"] + extra
            if k > 1:
                command = ["mpirun", "-np", str(k)] + command
            rows.append(row(name, run(name, command, out)))
            single = rows[-1]["wall s"] if k == 1 else single
            rows[-1]["speedup"] = round(single / rows[-1]["wall s"], 2) if single else ""
            print(rows[-1], file=sys.stderr, flush=True)
    for stations in [int(n) for n in args.wifi.split(",") if n]:
        cells = max(1, round(stations ** 0.5))
        for kind in ("wifi", "wired"):
            name = f"{kind}-{stations}"
            out = os.path.join(args.out, name)
            os.makedirs(out, exist_ok=True)
            topology = os.path.join(out, "network.topo")
            with open(topology, "w") as f:
                f.write(edge_topology(stations, cells, kind == "wifi"))
            command = [program(args, "divshare-topology"), f"--topology_file={topology}",
                       f"--duration={args.star_time}", f"--output={out}"] + extra
            rows.append(row(name, run(name, command, out)))
            print(rows[-1], file=sys.stderr, flush=True)
    if args.cifar10:
        for workers in [int(w) for w in args.workers.split(",") if w]:
            name = f"cifar10-7of60-reduced-w{workers}"
            out = os.path.join(args.out, name)
            os.makedirs(out, exist_ok=True)
            command = [program(args, "divshare-scenario"),
                       os.path.join(ROOT, CIFAR_SCENARIO), f"--data_path={args.cifar10}",
                       f"--duration={args.cifar_duration}", f"--workers={workers}",
                       f"--output={out}"] + extra
            rows.append(row(name, run(name, command, out)))
            print(rows[-1], file=sys.stderr, flush=True)
    if not rows:
        sys.exit("nothing to run: give --stars, --wifi or --cifar10")

    columns = list(dict.fromkeys(c for r in rows for c in r))
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(r.get(c, "")) for c in columns) + " |" for r in rows]
    table = "\n".join(lines)
    print(table)
    with open(os.path.join(args.out, "scaling.md"), "w") as f:
        f.write(table + "\n")
    with open(os.path.join(args.out, "scaling.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, restval="")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
