#!/usr/bin/env python3
"""Exports the AdaIN encoder (through relu4_1) and decoder from the
published-format files to ONNX for the OpenCV DNN peer of the benchmark, for
one image size (OpenCV 4.6 cannot import the reshapes that dynamic sizes add
to ReflectionPad2d).
usage: export_onnx.py PUBLISHED_DIR OUT_DIR WIDTH HEIGHT"""
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "tools"))
import adain_networks  # noqa: E402


def main():
    published, out = sys.argv[1], sys.argv[2]
    width, height = int(sys.argv[3]), int(sys.argv[4])
    os.makedirs(out, exist_ok=True)
    vgg = adain_networks.vgg_normalised()
    vgg.load_state_dict(torch.load(os.path.join(published, "vgg_normalised.pth")))
    encoder = vgg[:adain_networks.ENCODER_THROUGH_RELU4_1].eval()
    decoder = adain_networks.decoder()
    decoder.load_state_dict(torch.load(os.path.join(published, "decoder.pth")))
    decoder.eval()
    grid = ((height + 7) // 8, (width + 7) // 8)
    torch.onnx.export(encoder, torch.rand(1, 3, height, width), os.path.join(out, "encoder.onnx"),
                      input_names=["image"], output_names=["features"], opset_version=11)
    torch.onnx.export(decoder, torch.rand(1, 512, *grid), os.path.join(out, "decoder.onnx"),
                      input_names=["features"], output_names=["image"], opset_version=11)


if __name__ == "__main__":
    main()
