#!/usr/bin/python3
"""pcap and the Wireshark dissector, end to end: a tiny run captures two nodes (one a
straggler, with AD-PSGD's replies as well as pushes), Debian's tshark decodes the captures with
utils/divshare.lua, and every decoded message must be one the node's transport sent or received
(messages.csv), field for field, with its checksum holding; and every message the node received,
and every one it finished sending before the last half second, must be in its capture. The
same for a Wi-Fi station's radio capture (radiotap), where the station also hears frames of
its cell that are not its own: only those to or from its address count.

    test/pcap-dissector.py EXAMPLES_DIR SOURCE_DIR WORK_DIR

Exit 77 (skipped) when tshark is not installed; ./divshare test installs it.
"""

import collections
import glob
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The reader of result folders that the scripts of utils/ share.
sys.path.insert(0, os.path.join(ROOT, "utils"))
import divshare_results as results  # noqa: E402

FIELDS = ["type", "sender", "iteration", "fragment", "fragments", "values", "checksum",
          "checksum_ok"]
DURATION = 3.0


# A Wi-Fi cell: the wired host w and three stations, s0 at 172.16.0.2 (the AP is .1).
WIFI = """router core
host w core rate=1Gbps delay=1ms
wifi ap core rate=1Gbps delay=1ms
stations s 3 ap radius=5
"""


def decode(pcap, lua, address=None):
    wanted = "divshare" if address is None else f"divshare && (ip.src == {address} || " \
                                                 f"ip.dst == {address})"
    command = ["tshark", "-X", f"lua_script:{lua}", "-r", pcap, "-Y", wanted, "-T",
               "fields", "-E", "occurrence=a", "-E", "aggregator=;"]
    for field in FIELDS:
        command += ["-e", f"divshare.{field}"]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    messages = []
    for line in out.splitlines():
        columns = [c.split(";") for c in line.split("\t")]
        messages += list(zip(*columns))  # a segment may complete several messages
    return messages


def main():
    examples, source, work = sys.argv[1:4]
    if shutil.which("tshark") is None:
        print("tshark not installed (apt-get install tshark): skipped")
        return 77
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    topology = os.path.join(work, "wifi.topo")
    with open(topology, "w") as f:
        f.write(WIFI)
    quickstart = [os.path.join(examples, "divshare-quickstart"), "--nodes=5", "--stragglers=1",
                  "--degree=2", "--pcap=0,4"]
    wifi = [os.path.join(examples, "divshare-topology"), f"--topology_file={topology}",
            "--degree=2", "--pcap=w,s0"]
    # (label, command, captured nodes as (index, name, address on a Wi-Fi radio))
    runs = [("divshare", quickstart + ["--algorithm=divshare"],
             [("0", "node0", None), ("4", "node4", None)]),
            ("adpsgd", quickstart + ["--algorithm=adpsgd"],
             [("0", "node0", None), ("4", "node4", None)]),
            ("wifi", wifi + ["--algorithm=adpsgd"],
             [("0", "w", None), ("1", "s0", "172.16.0.2")])]
    for label, command, captured in runs:
        out = os.path.join(work, label)
        subprocess.run(command + [f"--duration={DURATION}", f"--output={out}"],
                       check=True, stdout=subprocess.DEVNULL)
        logged = collections.defaultdict(list)
        for row in results.read_rows(os.path.join(out, "pcap"), "messages.csv"):
            kind = "1" if row["type"] == "fragment" else "2"
            key = (kind, row["sender"], row["iteration"], row["fragment"],
                   row["fragments"], row["values"], row["checksum"])
            logged[row["node"]].append((key, row["event"], float(row["time_s"])))
        for node, name, address in captured:
            pcaps = glob.glob(os.path.join(out, "pcap", f"{name}-*.pcap"))
            assert len(pcaps) == 1, f"{label}: one capture of {name}, found {pcaps}"
            decoded = decode(pcaps[0], os.path.join(source, "utils", "divshare.lua"), address)
            assert decoded, f"{label}: tshark decoded no message in {pcaps[0]}"
            bad = [m for m in decoded if m[-1] != "1"]
            assert not bad, f"{label}: {len(bad)} messages with a failing checksum: {bad[:3]}"
            seen = collections.Counter(tuple(m[:-1]) for m in decoded)
            known = collections.Counter(key for key, _, _ in logged[node])
            # A radio hears its own frames again when the AP relays them to a station of its
            # cell, and MAC retransmissions: what counts is that nothing is unknown.
            strangers = set(seen) - set(known)
            assert not strangers, f"{label}, {name}: decoded but never sent or received: " \
                                  f"{list(strangers)[:3]}"
            due = collections.Counter(key for key, event, time in logged[node]
                                      if event == "received" or time < DURATION - 0.5)
            missing = due - seen
            assert not missing, f"{label}, {name}: {sum(missing.values())} logged messages " \
                                f"not in the capture, e.g. {list(missing)[:3]}"
            replies = sum(n for key, n in seen.items() if key[0] == "2")
            if "--algorithm=adpsgd" in command:
                assert replies > 0, f"{label}, {name}: no reply decoded"
            print(f"{label}, {name}: {sum(seen.values())} messages decoded "
                  f"({replies} replies), all {sum(due.values())} due ones found, checksums hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
