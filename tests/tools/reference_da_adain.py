#!/usr/bin/env python3
"""An independent reference of DA-AdaIN in plain eager PyTorch, written from
the paper's formulas (Kitov et al. 2020, eq. 1-5 and Algorithm 1) and
upstream pytorch-AdaIN's way of running the networks (nn.Sequential with
ReflectionPad2d + Conv2d, NCHW). Reads the published (legacy) .pth files.

usage: reference_da_adain.py --models DIR --content C.raw --style S.raw
         [--proximity P.raw] --out DIR
         --run NAME:METHOD:BETA:EPSILON:ALPHA [--run ...]
Writes DIR/NAME.result.raw (H x W x 3) and DIR/NAME.strength.raw (feature grid).
"""
import argparse
import math
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import adain_networks  # noqa: E402
import raw_arrays  # noqa: E402


def load_networks(models):
    vgg = adain_networks.vgg_normalised()
    vgg.load_state_dict(torch.load(os.path.join(models, "vgg_normalised.pth")))
    decoder = adain_networks.decoder()
    decoder.load_state_dict(torch.load(os.path.join(models, "decoder.pth")))
    encoder = vgg[:adain_networks.ENCODER_THROUGH_RELU4_1]
    return encoder.eval(), decoder.eval()


def mean_std(feat, eps=1e-5):
    n, c = feat.shape[:2]
    var = feat.view(n, c, -1).var(dim=2) + eps  # unbiased, as upstream trains
    return feat.view(n, c, -1).mean(dim=2).view(n, c, 1, 1), var.sqrt().view(n, c, 1, 1)


def adain(content, style):
    c_mean, c_std = mean_std(content)
    s_mean, s_std = mean_std(style)
    return (content - c_mean) / c_std * s_std + s_mean


def block_average(proximity, grid_h, grid_w):
    """Step 3: the mean of each 8x8 block, partial blocks over their pixels."""
    h, w = proximity.shape
    padded = torch.zeros(grid_h * 8, grid_w * 8, dtype=torch.float64)
    counts = torch.zeros_like(padded)
    padded[:h, :w] = proximity.double()
    counts[:h, :w] = 1.0
    sums = padded.view(grid_h, 8, grid_w, 8).sum(dim=(1, 3))
    return sums / counts.view(grid_h, 8, grid_w, 8).sum(dim=(1, 3))


def strength_map(grid, beta, epsilon):
    """Algorithm 1, steps 4-7."""
    spread = grid.max() - grid.min()
    p = (grid - grid.min()) / spread if spread > 0 else torch.zeros_like(grid)
    p = p - p.mean()
    p = 1.0 / (1.0 + torch.exp(-beta * p))
    return torch.clamp(p, max=1.0 - epsilon)


def to_tensor(hwc):
    return torch.from_numpy(hwc).permute(2, 0, 1).unsqueeze(0).contiguous()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", required=True)
    parser.add_argument("--content", required=True)
    parser.add_argument("--style", required=True)
    parser.add_argument("--proximity")
    parser.add_argument("--out", required=True)
    parser.add_argument("--run", action="append", required=True)
    args = parser.parse_args()
    torch.set_num_threads(2)

    encoder, decoder = load_networks(args.models)
    content = to_tensor(raw_arrays.read(args.content))
    style = to_tensor(raw_arrays.read(args.style))
    height, width = content.shape[2:]
    with torch.no_grad():
        content_features = encoder(content)
        target = adain(content_features, encoder(style))
        grid_h, grid_w = content_features.shape[2:]
        assert grid_h == math.ceil(height / 8) and grid_w == math.ceil(width / 8)
        grid = None
        if args.proximity:
            grid = block_average(torch.from_numpy(raw_arrays.read(args.proximity)[:, :, 0]),
                                 grid_h, grid_w)
        for run in args.run:
            name, method, beta, epsilon, alpha = run.split(":")
            if method == "adain":
                p = torch.full((grid_h, grid_w), float(alpha), dtype=torch.float64)
            else:
                p = strength_map(grid, float(beta), float(epsilon))
            p32 = p.float().view(1, 1, grid_h, grid_w)
            blended = p32 * content_features + (1.0 - p32) * target
            result = decoder(blended)[:, :, :height, :width].clamp(0.0, 1.0)
            raw_arrays.write(os.path.join(args.out, name + ".result.raw"),
                             result[0].permute(1, 2, 0).numpy())
            raw_arrays.write(os.path.join(args.out, name + ".strength.raw"), p.float().numpy())


if __name__ == "__main__":
    main()
