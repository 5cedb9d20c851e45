#!/usr/bin/env python3
"""Writes a TorchScript depth model, shaped like the stand-in MiDaS
(1x3x256x256 in, 1x256x256 out), whose output is all NaN: for the test
that a broken depth network is reported, not turned into a flat map.
usage: make_nan_depth_model.py OUT.pt"""
import sys

import torch


class NanDepth(torch.nn.Module):
    def forward(self, x):
        return x.mean(dim=1) * float("nan")


def main():
    traced = torch.jit.trace(NanDepth(), torch.rand(1, 3, 256, 256))
    traced.save(sys.argv[1])


if __name__ == "__main__":
    main()
