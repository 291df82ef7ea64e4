#!/usr/bin/env python3
# Every class of bad input a user can type or put in a file is refused before the run: exit
# code 1 and a last line that names the setting, the value and what is allowed; never an
# abort, a core dump, a LibTorch stack or a run that quietly does something else.
# Usage: bad-inputs.py BUILD_EXAMPLES_DIR SOURCE_DIR
import atexit
import os
import shutil
import subprocess
import sys
import tempfile

examples, source = sys.argv[1], sys.argv[2]
scratch = tempfile.mkdtemp(prefix="divshare-bad-inputs-")
atexit.register(shutil.rmtree, scratch, ignore_errors=True)


def scenario(name, text):
    path = os.path.join(scratch, name)
    with open(path, "w", newline="") as f:
        f.write(text)
    return path


def topology(name, text):
    return scenario(name, text)


def full_disk(name):
    """A folder whose summary.json is written onto a full disk (/dev/full)."""
    path = os.path.join(scratch, name)
    os.makedirs(path)
    os.symlink("/dev/full", os.path.join(path, "summary.json.tmp"))
    return path


def fifo(name):
    path = os.path.join(scratch, name)
    os.mkfifo(path)
    return path


QS = "divshare-quickstart"
# (program, arguments, words standard error must hold (a "warning: " word: one more line than
# the error's)[, environment])
CASES = [
    # Values the Attribute system aborts or crashes on.
    (QS, ["--compute_time=garbage"], ["--compute_time = 'garbage'", "not an ns-3 random variable"]),
    (QS, ["--compute_time=ns3::UniformRandomVariable[Min=abc]"], ["Min=abc", "not a number"]),
    (QS, ["--degree=0"], ["--degree = '0'", "out of range"]),
    (QS, ["--fragments=0"], ["--fragments = '0'", "out of range"]),
    (QS, ["--local_steps=0"], ["--local_steps = '0'", "out of range"]),
    # A former option name is read as the key, after one warning line.
    (QS, ["--localSteps=0"], ["warning: --localSteps is a former name", "write --local_steps",
                              "--local_steps = '0'", "out of range"]),
    (QS, ["--max_transfers=0"], ["--max_transfers = '0'", "out of range"]),
    (QS, ["--rate=fast"], ["--rate = 'fast'", "Mbps"]),
    (QS, ["--nodes=abc"], ["--nodes = 'abc'", "not a number"]),
    (QS, ["--DivShareWorkers=abc"], ["--DivShareWorkers", "not a number"]),
    (QS, ["--RngRun=abc"], ["--RngRun", "not a number"]),
    (QS, ["--ns3::TcpSocket::SegmentSize=1e1x"], ["SegmentSize", "not a number"]),
    (QS, ["--ns3::DivShareApplication::Fragments=-1"], ["Fragments", "out of range"]),
    # Values that would be read as something else.
    (QS, ["--rate=20"], ["--rate = '20'", "unit"]),
    (QS, ["--delay=1"], ["--delay = '1'", "unit"]),
    (QS, ["--nodes=16.5"], ["--nodes = '16.5'", "not a whole number"]),
    (QS, ["seed=3"], ["unexpected argument 'seed=3'", "--seed=3"]),
    (QS, ["--straggler_rate=1e30Gbps"], ["--straggler_rate", "too large"]),
    (QS, ["--delay=1e30s"], ["--delay", "too large"]),
    (QS, ["--fragments=4294967296"], ["--fragments", "out of range"]),
    # Combinations that used to fail at the first iteration, or never.
    (QS, ["--degree=16"], ["--degree = 16 needs more than 16 learning nodes", "lower"]),
    (QS, ["--algorithm=dpsgd", "--nodes=7", "--degree=3"], ["--degree = 3 on 7 nodes", "even"]),
    (QS, ["--algorithm=adpsgd", "--degree=1"], ["--degree = 1", "at least 2"]),
    (QS, ["--algorithm=swift", "--fragments=4"], ["--fragments does not apply", "swift"]),
    (QS, ["--fragments=10000000"], ["--fragments = 10000000 exceeds the model's", "parameters"]),
    (QS, ["--compute_time=ns3::NormalRandomVariable[Mean=1|Variance=1]"],
     ["--compute_time", "negative", "Bound"]),
    (QS, ["--compute_time=ns3::ConstantRandomVariable[Constant=-1]"],
     ["--compute_time", "negative"]),
    (QS, ["--stragglers=17"], ["--stragglers = 17 exceeds --nodes = 16"]),
    (QS, ["--algorithm=sgd"], ["--algorithm = 'sgd'", "divshare, adpsgd, swift, dpsgd, el"]),
    (QS, ["--partition=dirichlet:0"], ["--partition", "positive"]),
    (QS, ["--mlp_hidden=4000000000"], ["LibTorch cannot build the model", "smaller model"]),
    # Scenario files.
    # Text a file or a terminal may hold: a byte-order mark is no part of the first key, a
    # name that is not UTF-8 (it goes into summary.json) is refused, 1e400 is out of range.
    ("divshare-scenario", [scenario("bom.scenario", "\ufeffnodes = 4\nnodes = 5\n")],
     ["bom.scenario:2", "nodes is already set at"]),
    (QS, ["--name=run\udcff"], ["--name", "byte 4 is not valid UTF-8"]),
    (QS, ["--nodes=1e400"], ["--nodes = '1e400'", "out of range"]),
    ("divshare-scenario", [scenario("star-file.scenario", "topology_file = x.topo\n")],
     ["topology_file = x.topo is set but topology = star"]),
    ("divshare-scenario", [scenario("path.scenario", "data_path = /data\n")],
     ["data_path is set", "synthetic"]),
    ("divshare-scenario", [scenario("bad-value.scenario", "name = x\nfragments = 1.5\n")],
     ["bad-value.scenario:2", "fragments = '1.5'", "whole number"]),
    ("divshare-scenario", [scenario("overflow.scenario", "fragments = 4294967296\n")],
     ["overflow.scenario:1", "out of range"]),
    ("divshare-scenario", [scenario("crlf.scenario", "nodes = 8\r\nrate = 20\r\n")],
     ["crlf.scenario:2", "rate = '20'", "unit"]),
    ("divshare-scenario", [os.path.join(scratch, "nosuch.scenario")], ["nosuch.scenario", "no such file"]),
    ("divshare-scenario", [scenario("ok.scenario", "nodes = 8\n"), "stray"],
     ["unexpected argument 'stray'"]),
    ("divshare-scenario", [scenario("ok2.scenario", "nodes = 8\n"), "--nodez=4"],
     ["Invalid command-line argument"]),
    ("divshare-scenario", [scenario("ok3.scenario", "nodes = 8\n"), "--degree=8"],
     ["degree = 8 needs more than 8"]),
    ("divshare-scenario", [scenario("crash-node.scenario", "nodes = 8\ncrashes = 9@1s\n")],
     ["crashes: crash at 1 s", "'9' is no learning node"]),
    ("divshare-scenario", [scenario("crash-form.scenario", "crashes = 3\n")],
     ["crashes = '3'", "NODE@TIME"]),
    ("divshare-scenario", [scenario("crash-dpsgd.scenario",
                                    "algorithm = dpsgd\ncrashes = 2@1s\n")],
     ["crashes: crash with algorithm = dpsgd", "asynchronous"]),
    ("divshare-scenario", [scenario("event-verb.scenario", "nodes = 8\nevents = 2s explode 3\n")],
     ["events = '2s explode 3'", "unknown event 'explode'"]),
    ("divshare-scenario", [scenario("event-order.scenario", "nodes = 8\nevents = 2s reconnect 3\n")],
     ["events item 1: reconnect at 2 s", "follows a disconnect"]),
    ("divshare-scenario", [scenario("event-link.scenario",
                                    "nodes = 8\nevents = 1s link-set node1 node2 rate=1Mbps\n")],
     ["events item 1: link-set at 1 s", "no link joins 'node1' and 'node2'"]),
    ("divshare-scenario", [scenario("event-key.scenario",
                                    "nodes = 8\nevents = 1s link-set node1 switch uplod=1Mbps\n")],
     ["events = '1s link-set node1 switch uplod=1Mbps'", "unknown link-set key 'uplod'"]),
    ("divshare-scenario", [scenario("events-file.scenario", "nodes = 8\nevents_file = " +
                                    topology("trace.events", "# trace\n1s link-set node1 switch "
                                             "rate=1Mbps\n2s link-set node1 switch rat=2Mbps\n"))],
     ["trace.events:3:", "unknown link-set key 'rat'"]),
    ("divshare-scenario", [scenario("churn-alone.scenario", "nodes = 8\nchurn_downtime = 2s\n")],
     ["churn_downtime is set but churn_rate = 0", "remove churn_downtime"]),
    ("divshare-quickstart", ["--events=1s crash 2; 2s join 2"],
     ["--events item 2: join at 2 s", "does not come back"]),
    ("divshare-scenario", [scenario("traces.scenario", "trace_interval = 0.5\n")],
     ["trace_interval is set", "congestion_traces = false"]),
    ("divshare-scenario", [scenario("topo-missing.scenario",
                                    "topology = file\ntopology_file = /nonexistent.topo\n")],
     ["/nonexistent.topo"]),
    # Captures and animations.
    (QS, ["--pcap=99"], ["--pcap = '99'", "no learning node", "index 0..15"]),
    (QS, ["--pcap=node3,x"], ["--pcap = 'node3,x'", "'x' is no learning node"]),
    (QS, ["--netanim=100"], ["--netanim = 100 s exceeds the run's --duration (40 s)"]),
    (QS, ["--netanim=2", "--nodes=300"], ["--netanim = 2", "301 nodes", "more than NetAnim"]),
    (QS, ["--netanim=-1"], ["--netanim = '-1'", "out of range"]),
    # Output that cannot be written: found before the run, or named when a write fails.
    (QS, ["--output=" + scenario("plain-file", "") + "/sub"],
     ["--output = ", "cannot create output folder", "Not a directory"]),
    (QS, ["--duration=1", "--output=" + full_disk("full")],
     ["cannot write", "summary.json", "No space left on device"]),
    # The other examples.
    ("divshare-topology", [], ["--topology = file needs --topology_file"]),
    ("divshare-topology", ["--topology_file=" + topology("typo.xml",
                           "<experiment boot='b'>\n<services><service name='w' replicas='2'/>"
                           "</services>\n"
                           "<bridges><bridge name='s'/></bridges>\n<links>\n"
                           "<link origin='w' dest='s' latency='1' uplod='1Mbps'/>\n"
                           "</links></experiment>\n")],
     ["typo.xml:5:", "<link> has no attribute 'uplod'"]),
    # Paths that are not regular files: read as empty, or blocking the run.
    ("divshare-scenario", [scratch], ["scenario file " + scratch, "is a directory"]),
    ("divshare-scenario", [scenario("events-dir.scenario", "nodes = 8\nevents_file = " +
                                    scratch + "\n")],
     ["events file " + scratch, "is a directory"]),
    ("divshare-topology", ["--topology_file=" + fifo("pipe.topo")],
     ["topology file", "pipe.topo", "not a regular file"]),
    ("divshare-topology", ["--kollaps=" + os.path.join(scratch, "none.xml")],
     ["warning: --kollaps is a former name", "write --topology_file", "none.xml: no such file"]),
    ("divshare-topology", ["--topology_file=" + os.path.join(scratch, "none.xml")],
     ["Kollaps file", "none.xml", "no such file"]),
    # Kollaps files: what Kollaps itself has no model for that TCP could use.
    ("divshare-topology", ["--topology_file=" + topology("oneway.xml",
                           "<experiment boot='b'>\n<services><service name='w' replicas='2'/>"
                           "</services>\n<bridges><bridge name='s'/></bridges>\n<links>\n"
                           "<link origin='w' dest='s' latency='1' upload='1Mbps'/>\n"
                           "</links></experiment>\n")],
     ["oneway.xml:5:", "one-way", "add download="]),
    ("divshare-topology", ["--topology_file=" + topology("islands.topo",
                           "router a\nrouter b\nhosts x 2 a rate=1Mbps delay=1ms\n"
                           "hosts y 2 b rate=1Mbps delay=1ms\n")],
     ["islands.topo", "2 islands", "allow_islands = true"]),
    # Past what ns-3 holds: Time (9.2e9 s), its generator's seeds, its own globals.
    ("divshare-quickstart", ["--duration=1e300"], ["--duration = '1e300'", "9.2e+09"]),
    ("divshare-quickstart", ["--eval_interval=1e10"], ["--eval_interval = '1e10'", "9.2e+09"]),
    ("divshare-quickstart", ["--seed=4294944443"], ["--seed = '4294944443'", "1:4294944442"]),
    ("divshare-quickstart", ["--RngSeed=0"], ["RngSeed = 0", "1..4294944442", "--seed"]),
    ("divshare-quickstart", ["--SimulatorImplementationType=ns3::NoSuch"],
     ["SimulatorImplementationType = ns3::NoSuch", "DefaultSimulatorImpl"]),
    ("divshare-quickstart", ["--compute_time=ns3::ConstantRandomVariable[Constant=0]"],
     ["--compute_time", "Constant = 0 draws only 0 s", "positive"]),
    ("divshare-quickstart", ["--compute_time=ns3::ConstantRandomVariable[Constant=1e300]"],
     ["--compute_time", "passes what ns-3's Time holds"]),
    ("divshare-ns3-way", ["--nodes=-1"], ["--nodes = 4294967295", "4 to 1000 nodes"]),
    ("divshare-ns3-way", ["--duration=1e300"], ["--duration = 1e+300", "at most 9.2e9 s"]),
    # Wi-Fi cells: radio settings against ns-3's channel table, stations against the range.
    ("divshare-topology", ["--topology_file=" + topology("far.topo",
                           "router r\nhost w r rate=1Gbps delay=1ms\n"
                           "wifi ap r rate=1Gbps delay=1ms\nstation s ap x=80\n")],
     ["far.topo:4", "station s starts 80 m from its AP ap", "out of its range", "closer"]),
    ("divshare-topology", ["--topology_file=" + topology("channel.topo",
                           "router r\nhost w r rate=1Gbps delay=1ms\n"
                           "wifi ap r rate=1Gbps delay=1ms width=40 channel=36\n"
                           "station s ap\n")],
     ["channel.topo:3", "no channel 36 of 40 MHz", "5GHz"]),
    ("divshare-topology", ["--topology_file=" + topology("mcs.topo",
                           "router r\nhost w r rate=1Gbps delay=1ms\n"
                           "wifi ap r rate=1Gbps delay=1ms manager=constant mode=HeMcs12\n")],
     ["mcs.topo:3", "bad mode 'HeMcs12'", "HeMcs0..HeMcs11"]),
    ("divshare-topology", ["--topology_file=" + topology("radio-event.topo",
                           "router r\nhost w r rate=1Gbps delay=1ms\n"
                           "wifi ap r rate=1Gbps delay=1ms\nstation s ap\n"
                           "event 1s link-down s ap\n")],
     ["radio-event.topo:5", "'s' is a Wi-Fi station", "disconnect"]),
    ("divshare-congestion", ["--topology_file=" + os.path.join(source, "topologies/dumbbell.topo"),
                             "--from=nosuch", "--duration=1"],
     ["--from=nosuch", "no router queue"]),
    ("divshare-comparison", ["--fragments=0"], ["--fragments = '0'", "out of range"]),
    ("divshare-comparison", ["--algorithms=divshare,sgd"], ["--algorithms", "'sgd'"]),
    # Started by mpirun (its environment), in a build without MPI.
    (QS, [], ["started as 2 MPI ranks", "no MPI", "--ns3-source"], {"OMPI_COMM_WORLD_SIZE": "2"}),
    ("divshare-ns3-way", [], ["started as 3 MPI ranks", "one process", "without mpirun"],
     {"PMI_SIZE": "3"}),
]

failures = 0
for program, arguments, words, *environment in CASES:
    command = [os.path.join(examples, program)] + arguments
    run = subprocess.run(command, capture_output=True, text=True, errors="replace", cwd=source,
                         timeout=120,
                         env=dict(os.environ, OMP_WAIT_POLICY="PASSIVE", **next(iter(environment), {})))
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    problems = []
    if run.returncode != 1:
        problems.append(f"exit code {run.returncode}, expected 1")
    missing = [w for w in words if w not in run.stderr]
    if missing:
        problems.append(f"missing {missing}")
    if any(bad in run.stderr for bad in ("terminate called", "Aborted", "NS_FATAL", "c10::")):
        problems.append("an abort or a raw stack")
    expected = 1 + sum(w.startswith("warning: ") for w in words)
    if "Invalid command-line argument" not in words and len(lines) != expected:
        problems.append(f"{len(lines)} lines on standard error, expected {expected}")
    label = " ".join([program] + [os.path.basename(a) for a in arguments])
    if problems:
        failures += 1
        print(f"FAIL {label}: {'; '.join(problems)}\n     stderr: {run.stderr.strip()[:600]}")
    else:
        print(f"ok   {label}: {first}")
print(f"{len(CASES) - failures} of {len(CASES)} bad inputs refused as they should be")
sys.exit(1 if failures else 0)
