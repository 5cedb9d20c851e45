#!/usr/bin/env python3
"""Compares an installed depth model with the published one on a probe:
prints how many submodules the installed one keeps (0 once frozen), how many
batch normalisations its graph runs, and the largest difference of the two
outputs relative to the published output's largest value.
usage: compare_depth_models.py PUBLISHED INSTALLED"""
import sys

import torch


def main():
    published = torch.jit.load(sys.argv[1]).eval()
    installed = torch.jit.load(sys.argv[2]).eval()
    probe = torch.rand(1, 3, 256, 256, generator=torch.Generator().manual_seed(7))
    with torch.no_grad():
        expected = published(probe)
        got = installed(probe)
    difference = float((got - expected).abs().max() / expected.abs().max())
    norms = str(installed.graph).count("aten::batch_norm")
    print("submodules %d batch_norms %d difference %.3g"
          % (len(list(installed.children())), norms, difference))


if __name__ == "__main__":
    main()
