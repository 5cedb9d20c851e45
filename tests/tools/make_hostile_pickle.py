#!/usr/bin/env python3
"""Writes a .pth file that runs code when unpickled with the full pickle
machinery: loading it creates MARKER. For the test that the model set-up
treats model files as data only (the code must never run).
usage: make_hostile_pickle.py OUT.pth MARKER"""
import sys

import torch


class Hostile:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        # On a full unpickle: open(MARKER, "w"), which creates the file.
        return (open, (self.marker, "w"))


def main():
    out, marker = sys.argv[1], sys.argv[2]
    torch.save({"0.weight": Hostile(marker)}, out, _use_new_zipfile_serialization=False)


if __name__ == "__main__":
    main()
