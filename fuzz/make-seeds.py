#!/usr/bin/env python3
"""Binary seeds for the fuzz targets, written instead of committed.
Usage: make-seeds.py reassembler|cifar10 FOLDER"""
import os
import struct
import sys
import zlib

target, folder = sys.argv[1], sys.argv[2]
os.makedirs(folder, exist_ok=True)
if target == "reassembler":
    # Chunk-size byte, then two messages: wire format version 2 (see divshare-header.h).
    def message(sender, fragment, values):
        payload = struct.pack("<%df" % len(values), *values)
        head = struct.pack(">IBBHIIIIIq", 0x44534852, 2, 1, 0, sender, 7, fragment, 4,
                           len(values), 123456789)
        return head + struct.pack(">I", zlib.crc32(head + payload)) + payload
    data = bytes([13]) + message(1, 2, [0.5, -1.0, 3.25]) + message(2, 3, [])
    open(os.path.join(folder, "seed-two-messages"), "wb").write(data)
else:
    # Two CIFAR-10 records: a label byte, then 3 x 32 x 32 pixel bytes.
    records = bytes([3]) + bytes(range(256)) * 12 + bytes([9]) + bytes(3072)
    open(os.path.join(folder, "seed-two-records"), "wb").write(records)
