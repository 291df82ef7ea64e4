#!/usr/bin/env python3
"""The build's check of the module's layers: what each folder may include.

  model/protocol      the standard library only (pure, unit-testable)
  model/learning      LibTorch, in its .cc files only; no ns-3
  model/transport     ns-3; neither the learning layer nor LibTorch
  model/network       ns-3 only (routing and links)
  model/applications  the three layers below and ns-3; no LibTorch
  helper/*            the model layers, ns-3, and the helper layers before it in this order:
    common            attribute checks, setting errors, rates and delays as text
    topology          network descriptions and their readers (files, Kollaps, events)
    distributed       MPI runs and the split of a network over ranks
    install           builders: the network, the learning applications, cross traffic
    dynamics          the network's changes during a run
    stats             measurement and output; never the readers
    study             ExperimentHelper and its components; never the front ends
    config            the front ends: key table, command lines, scenario files

No header anywhere includes LibTorch. Usage: check-layers.py SOURCE_DIR (exit 1 on a breach).
"""
import os
import re
import sys

# Layer -> the module layers it may include, and whether it may include ns-3.
RULES = {
    "model/protocol": ({"model/protocol"}, False),
    "model/learning": ({"model/learning"}, False),
    "model/transport": ({"model/transport"}, True),
    "model/network": ({"model/network"}, True),
    "model/applications": ({"model/applications", "model/protocol", "model/learning",
                            "model/transport"}, True),
}
HELPERS = ["common", "topology", "distributed", "install", "dynamics", "stats", "study", "config"]
MODEL = set(RULES)
for index, helper in enumerate(HELPERS):
    RULES[f"helper/{helper}"] = ({f"helper/{h}" for h in HELPERS[:index + 1]} | MODEL, True)
# Headers a layer may not include although their folder is below it.
FORBIDDEN = {"helper/stats": {"topology-file-reader.h", "kollaps-reader.h"}}
TORCH = re.compile(r"#include\s*<(torch|ATen|c10)/")
OURS = re.compile(r'#include\s*"(?:[^"]*/)?([^"/]+\.h)"')
NS3 = re.compile(r'#include\s*"ns3/([^"]+)"')


def main(source):
    layer_of = {}
    files = []
    for layer in RULES:
        folder = os.path.join(source, layer)
        for name in sorted(os.listdir(folder)):
            if name.endswith((".h", ".cc")):
                files.append((layer, os.path.join(folder, name)))
                if name.endswith(".h"):
                    layer_of[name] = layer
    breaches = []
    for layer, path in files:
        allowed, ns3 = RULES[layer]
        with open(path) as f:
            for number, line in enumerate(f, 1):
                where = f"{os.path.relpath(path, source)}:{number}"
                if TORCH.match(line) and (layer != "model/learning" or path.endswith(".h")):
                    breaches.append(f"{where}: includes LibTorch, which only the learning "
                                    "layer's .cc files may")
                    continue
                ours = OURS.match(line)
                if ours and ours.group(1) in layer_of:
                    other = layer_of[ours.group(1)]
                    if other not in allowed or ours.group(1) in FORBIDDEN.get(layer, ()):
                        breaches.append(f"{where}: includes {ours.group(1)} ({other}), which "
                                        f"{layer} may not")
                elif NS3.match(line) and not ns3:
                    breaches.append(f"{where}: includes ns-3 ({NS3.match(line).group(1)}), "
                                    f"which {layer} may not")
    for breach in breaches:
        print(breach)
    if breaches:
        print(f"check-layers: {len(breaches)} includes cross the module's layers (see "
              "utils/check-layers.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
