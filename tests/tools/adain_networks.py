"""The AdaIN networks as nn.Sequential, module for module as published
(pytorch-AdaIN's net.py layout), for the stand-in files and the reference."""
import torch.nn as nn


def _conv(inp, out):
    return [nn.ReflectionPad2d((1, 1, 1, 1)), nn.Conv2d(inp, out, (3, 3)), nn.ReLU()]


def _pool():
    return nn.MaxPool2d((2, 2), (2, 2), (0, 0), ceil_mode=True)


def vgg_normalised():
    """All 53 modules: conv1_1 .. relu5_4."""
    layers = [nn.Conv2d(3, 3, (1, 1))]
    layers += _conv(3, 64) + _conv(64, 64) + [_pool()]
    layers += _conv(64, 128) + _conv(128, 128) + [_pool()]
    layers += _conv(128, 256) + _conv(256, 256) * 1 + _conv(256, 256) + _conv(256, 256) + [_pool()]
    layers += _conv(256, 512) + _conv(512, 512) + _conv(512, 512) + _conv(512, 512) + [_pool()]
    layers += _conv(512, 512) + _conv(512, 512) + _conv(512, 512) + _conv(512, 512)
    return nn.Sequential(*layers)


def decoder():
    up = lambda: nn.Upsample(scale_factor=2, mode="nearest")
    layers = _conv(512, 256) + [up()]
    layers += _conv(256, 256) + _conv(256, 256) + _conv(256, 256) + _conv(256, 128) + [up()]
    layers += _conv(128, 128) + _conv(128, 64) + [up()]
    layers += _conv(64, 64)
    layers += [nn.ReflectionPad2d((1, 1, 1, 1)), nn.Conv2d(64, 3, (3, 3))]
    return nn.Sequential(*layers)


ENCODER_THROUGH_RELU4_1 = 31  # modules 0..30
