#!/usr/bin/python3
"""pcap and the Wireshark dissector, end to end: a tiny run captures two nodes (one a
straggler, with AD-PSGD's replies as well as pushes), Debian's tshark decodes the captures with
utils/divshare.lua, and every decoded message must be one the node's transport sent or received
(messages.csv), field for field, with its checksum holding; and every message the node received,
and every one it finished sending before the last half second, must be in its capture.

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


def decode(pcap, lua):
    command = ["tshark", "-X", f"lua_script:{lua}", "-r", pcap, "-Y", "divshare", "-T",
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
    for algorithm in ("divshare", "adpsgd"):
        out = os.path.join(work, algorithm)
        subprocess.run([os.path.join(examples, "divshare-quickstart"), "--nodes=5",
                        "--stragglers=1", "--degree=2", f"--duration={DURATION}",
                        f"--algorithm={algorithm}", "--pcap=0,4", f"--output={out}"],
                       check=True, stdout=subprocess.DEVNULL)
        logged = collections.defaultdict(list)
        for row in results.read_rows(os.path.join(out, "pcap"), "messages.csv"):
            kind = "1" if row["type"] == "fragment" else "2"
            key = (kind, row["sender"], row["iteration"], row["fragment"],
                   row["fragments"], row["values"], row["checksum"])
            logged[row["node"]].append((key, row["event"], float(row["time_s"])))
        for node, name in (("0", "node0"), ("4", "node4")):
            pcaps = glob.glob(os.path.join(out, "pcap", f"{name}-*.pcap"))
            assert len(pcaps) == 1, f"{algorithm}: one capture of {name}, found {pcaps}"
            decoded = decode(pcaps[0], os.path.join(source, "utils", "divshare.lua"))
            assert decoded, f"{algorithm}: tshark decoded no message in {pcaps[0]}"
            bad = [m for m in decoded if m[-1] != "1"]
            assert not bad, f"{algorithm}: {len(bad)} messages with a failing checksum: {bad[:3]}"
            seen = collections.Counter(tuple(m[:-1]) for m in decoded)
            known = collections.Counter(key for key, _, _ in logged[node])
            strangers = seen - known
            assert not strangers, f"{algorithm}, {name}: decoded but never sent or received: " \
                                  f"{list(strangers)[:3]}"
            due = collections.Counter(key for key, event, time in logged[node]
                                      if event == "received" or time < DURATION - 0.5)
            missing = due - seen
            assert not missing, f"{algorithm}, {name}: {sum(missing.values())} logged messages " \
                                f"not in the capture, e.g. {list(missing)[:3]}"
            replies = sum(n for key, n in seen.items() if key[0] == "2")
            if algorithm == "adpsgd":
                assert replies > 0, f"adpsgd, {name}: no reply decoded"
            print(f"{algorithm}, {name}: {sum(seen.values())} messages decoded "
                  f"({replies} replies), all {sum(due.values())} due ones found, checksums hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
