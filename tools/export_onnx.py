#!/usr/bin/env python3
"""Exports the AdaIN encoder (through relu4_1) and decoder from the
published-format files to ONNX for the OpenCV DNN peer of the benchmark.
usage: export_onnx.py PUBLISHED_DIR OUT_DIR"""
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "tools"))
import adain_networks  # noqa: E402


def main():
    published, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    vgg = adain_networks.vgg_normalised()
    vgg.load_state_dict(torch.load(os.path.join(published, "vgg_normalised.pth")))
    encoder = vgg[:adain_networks.ENCODER_THROUGH_RELU4_1].eval()
    decoder = adain_networks.decoder()
    decoder.load_state_dict(torch.load(os.path.join(published, "decoder.pth")))
    decoder.eval()
    axes = {0: "batch", 2: "height", 3: "width"}
    torch.onnx.export(encoder, torch.rand(1, 3, 64, 96), os.path.join(out, "encoder.onnx"),
                      input_names=["image"], output_names=["features"], opset_version=11,
                      dynamic_axes={"image": axes, "features": axes})
    torch.onnx.export(decoder.eval(), torch.rand(1, 512, 8, 12), os.path.join(out, "decoder.onnx"),
                      input_names=["features"], output_names=["image"], opset_version=11,
                      dynamic_axes={"features": axes, "image": axes})


if __name__ == "__main__":
    main()
