#!/usr/bin/env python3
"""Writes stand-in model files in exactly the published formats, with seeded
random weights: vgg_normalised.pth and decoder.pth as legacy (non-zip)
torch.save state dicts, model-small-traced.pt as a traced TorchScript module
with MiDaS's interface ((1,3,256,256) in, (1,256,256) non-negative out).

usage: make_standin_models.py OUT_DIR [--seed N] [--format legacy|zip|zip-ordered]
                              [--wrong-shape FILE:KEY] [--drop FILE:KEY]
                              [--non-finite FILE:KEY] [--negative-infinity FILE:KEY]
                              [--lone-nan FILE:KEY]
                              [--depth-network tiny|midas-small-like] [--levels N]
FILE is encoder or decoder; the flags make broken files for error tests.
The depth network is tiny for the tests and shaped like MiDaS v2.1 small for
the benchmarks (midas_small_like.py).
"""
import argparse
import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import adain_networks  # noqa: E402
import midas_small_like  # noqa: E402


def init_vgg(vgg, gen):
    first = vgg[0]
    with torch.no_grad():
        # Like the published layer 0: RGB in [0,1] -> BGR x 255 minus the mean.
        first.weight.zero_()
        for o in range(3):
            first.weight[o, 2 - o, 0, 0] = 255.0
        first.bias.copy_(torch.tensor([-103.939, -116.779, -123.68]))
        for module in list(vgg)[1:]:
            if isinstance(module, nn.Conv2d):
                fan_in = module.in_channels * 9
                module.weight.normal_(0.0, (2.0 / fan_in) ** 0.5, generator=gen)
                module.bias.normal_(0.0, 0.05, generator=gen)


def init_decoder(decoder, gen):
    with torch.no_grad():
        for module in decoder:
            if isinstance(module, nn.Conv2d):
                fan_in = module.in_channels * 9
                module.weight.normal_(0.0, (2.0 / fan_in) ** 0.5, generator=gen)
                module.bias.normal_(0.0, 0.05, generator=gen)


def calibrate(vgg, decoder, gen):
    """Scales the decoder's last layer so that its output on a smooth test
    image is centred on 0.5 with a spread of about 0.2, so that stand-in
    results are not saturated and comparisons mean something."""
    image = torch.nn.functional.interpolate(torch.rand(1, 3, 8, 8, generator=gen), size=(64, 64),
                                            mode="bilinear", align_corners=False)
    with torch.no_grad():
        features = vgg[:adain_networks.ENCODER_THROUGH_RELU4_1](image)
        out = decoder(features)
        last = decoder[-1]
        scale = 0.2 / max(out.std().item(), 1e-6)
        last.weight.mul_(scale)
        last.bias.mul_(scale)
        out = decoder(features)
        last.bias.add_(0.5 - out.mean().item())


class StandInMidas(nn.Module):
    """A small network with MiDaS v2.1 small's interface."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(),
                                      nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(),
                                      nn.Conv2d(8, 1, 3, padding=1))

    def forward(self, x):
        ramp = torch.linspace(0.0, 4.0, x.shape[2]).view(1, 1, -1, 1)
        return torch.nn.functional.softplus(self.features(x) + ramp).squeeze(1)


def snap(tensor, levels):
    """The tensor with every value moved to the nearest of `levels` evenly
    spaced values between its minimum and maximum: the files then compress
    (for carrying to another machine), while the networks' arithmetic, and so
    their speed, stay the same."""
    if not tensor.is_floating_point() or tensor.numel() < 2 or not torch.isfinite(tensor).all():
        return tensor
    low, high = tensor.min(), tensor.max()
    if high <= low:
        return tensor
    step = (high - low) / (levels - 1)
    return low + torch.round((tensor - low) / step) * step


def snap_module(module, levels):
    with torch.no_grad():
        for tensor in list(module.parameters()) + list(module.buffers()):
            tensor.copy_(snap(tensor, levels))


def save_state(state, path, fmt):
    if fmt == "legacy":  # as published: the OrderedDict, legacy pickle format
        torch.save(state, path, _use_new_zipfile_serialization=False)
    elif fmt == "zip-ordered":  # the OrderedDict re-saved by a newer torch.save
        torch.save(state, path)
    else:  # as installed by packaging/convert-models.py: a plain dict, zip format
        torch.save(dict(state), path)


def break_state(state, which, args):
    for spec in args.wrong_shape:
        target, key = spec.split(":", 1)
        if target == which:
            state[key] = torch.zeros(tuple(s + 1 for s in state[key].shape))
    for spec in args.drop:
        target, key = spec.split(":", 1)
        if target == which:
            del state[key]
    for spec in args.non_finite:
        target, key = spec.split(":", 1)
        if target == which:
            broken = state[key].clone()
            broken.view(-1)[0] = float("nan")
            broken.view(-1)[-1] = float("inf")
            state[key] = broken
    for value, specs in ((float("-inf"), args.negative_infinity), (float("nan"), args.lone_nan)):
        for spec in specs:
            target, key = spec.split(":", 1)
            if target == which:
                broken = state[key].clone()
                broken.view(-1)[broken.numel() // 2 + 3] = value
                state[key] = broken


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir")
    parser.add_argument("--seed", type=int, default=20201)
    parser.add_argument("--format", choices=("legacy", "zip", "zip-ordered"), default="legacy")
    parser.add_argument("--wrong-shape", action="append", default=[])
    parser.add_argument("--drop", action="append", default=[])
    parser.add_argument("--non-finite", action="append", default=[])
    parser.add_argument("--negative-infinity", action="append", default=[])
    parser.add_argument("--lone-nan", action="append", default=[])
    parser.add_argument("--depth-network", choices=("tiny", "midas-small-like"), default="tiny",
                        help="tiny: three convolutions with MiDaS's interface (tests); "
                             "midas-small-like: shaped like MiDaS v2.1 small (benchmarks)")
    parser.add_argument("--levels", type=int, default=0,
                        help="snap each tensor's values to this many levels (at least 2), so "
                             "the files compress; 0 (default): seeded random values as they are")
    args = parser.parse_args()
    if args.levels == 1 or args.levels < 0:
        parser.error("--levels must be 0 or at least 2")
    os.makedirs(args.out_dir, exist_ok=True)

    gen = torch.Generator().manual_seed(args.seed)
    torch.manual_seed(args.seed)
    vgg = adain_networks.vgg_normalised()
    decoder = adain_networks.decoder()
    init_vgg(vgg, gen)
    init_decoder(decoder, gen)
    if args.levels:  # before the calibration, which then holds for the snapped weights
        snap_module(vgg, args.levels)
        snap_module(decoder, args.levels)
    calibrate(vgg, decoder, gen)

    for which, net, name in (("encoder", vgg, "vgg_normalised.pth"),
                             ("decoder", decoder, "decoder.pth")):
        state = net.state_dict()  # an OrderedDict, keys "<index>.weight"/"<index>.bias"
        break_state(state, which, args)
        save_state(state, os.path.join(args.out_dir, name), args.format)

    if args.depth_network == "midas-small-like":
        midas = midas_small_like.randomized(gen)
    else:
        midas = StandInMidas().eval()
    if args.levels:
        snap_module(midas, args.levels)
    with torch.no_grad():
        traced = torch.jit.trace(midas, torch.rand(1, 3, 256, 256, generator=gen))
    traced.save(os.path.join(args.out_dir, "model-small-traced.pt"))


if __name__ == "__main__":
    main()
