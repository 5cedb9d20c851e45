#!/usr/bin/env python3
"""The peer DepthStyle is measured against: the same networks run the way
upstream pytorch-AdaIN runs them (eager PyTorch, NCHW, nn.Sequential with
ReflectionPad2d + Conv2d), plus MiDaS through TorchScript, on the same model
files. Prints one JSON object with median seconds per stage and peak memory.

usage: bench_eager.py --published DIR --content-size W H --style-size W H
                      [--repeats N] [--threads N]
"""
import argparse
import json
import os
import resource
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "tools"))
import adain_networks  # noqa: E402


def mean_std(feat, eps=1e-5):
    n, c = feat.shape[:2]
    var = feat.view(n, c, -1).var(dim=2) + eps
    return feat.view(n, c, -1).mean(dim=2).view(n, c, 1, 1), var.sqrt().view(n, c, 1, 1)


def adain(content, style):
    c_mean, c_std = mean_std(content)
    s_mean, s_std = mean_std(style)
    return (content - c_mean) / c_std * s_std + s_mean


def timed(fn):
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--published", required=True)
    parser.add_argument("--content-size", nargs=2, type=int, required=True)
    parser.add_argument("--style-size", nargs=2, type=int, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    vgg = adain_networks.vgg_normalised()
    vgg.load_state_dict(torch.load(os.path.join(args.published, "vgg_normalised.pth")))
    encoder = vgg[:adain_networks.ENCODER_THROUGH_RELU4_1].eval()
    decoder = adain_networks.decoder()
    decoder.load_state_dict(torch.load(os.path.join(args.published, "decoder.pth")))
    decoder.eval()
    midas = torch.jit.load(os.path.join(args.published, "model-small-traced.pt")).eval()

    (cw, ch), (sw, sh) = args.content_size, args.style_size
    gen = torch.Generator().manual_seed(1)
    content = torch.rand(1, 3, ch, cw, generator=gen)
    style = torch.rand(1, 3, sh, sw, generator=gen)
    stages = {"depth": [], "content_encoding": [], "style_encoding": [], "adain": [],
              "decoding": [], "total": []}
    with torch.no_grad():
        for _ in range(args.repeats):
            start = time.perf_counter()
            _, t = timed(lambda: midas(torch.nn.functional.interpolate(
                content, size=(256, 256), mode="bicubic", align_corners=False)))
            stages["depth"].append(t)
            fc, t = timed(lambda: encoder(content))
            stages["content_encoding"].append(t)
            fs, t = timed(lambda: encoder(style))
            stages["style_encoding"].append(t)
            target, t = timed(lambda: adain(fc, fs))
            stages["adain"].append(t)
            p = torch.full((1, 1) + tuple(fc.shape[2:]), 0.5)
            _, t = timed(lambda: decoder(p * fc + (1 - p) * target)[:, :, :ch, :cw].clamp(0, 1))
            stages["decoding"].append(t)
            stages["total"].append(time.perf_counter() - start)
    result = {k: statistics.median(v) for k, v in stages.items()}
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps(result))


if __name__ == "__main__":
    main()
