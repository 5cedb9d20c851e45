"""A network shaped like MiDaS v2.1 small, for timing only.

The tests' stand-in depth network is three small convolutions with MiDaS's
interface: fast, but it makes a whole run's depth part (the TorchScript load
and the network) far cheaper than the published model-small-traced.pt. This
one is written from MiDaS v2.1 small's published architecture (MidasNet_small:
an EfficientNet-Lite3 encoder and MiDaS's fusion decoder with expanded
features, 256x256 in, 1x256x256 non-negative inverse depth out): the same
layer kinds, channel counts, strides and repeats, about 21 M parameters, with
seeded random weights. Its depth maps mean nothing; its cost is close to the
real network's, which is all the benchmarks need. Details the published
trace may differ in (batch normalisation folded or not, padding) are guesses.
"""
import torch
from torch import nn
import torch.nn.functional as F


def conv_bn(cin, cout, kernel, stride=1, groups=1, act=True):
    layers = [nn.Conv2d(cin, cout, kernel, stride, kernel // 2, groups=groups, bias=False),
              nn.BatchNorm2d(cout)]
    if act:
        layers.append(nn.ReLU6())
    return nn.Sequential(*layers)


class InvertedResidual(nn.Module):
    """EfficientNet-Lite's block: 1x1 expansion, depthwise, 1x1 projection."""

    def __init__(self, cin, cout, kernel, stride, expansion):
        super().__init__()
        mid = cin * expansion
        layers = [conv_bn(cin, mid, 1)] if expansion != 1 else []
        layers += [conv_bn(mid, mid, kernel, stride, groups=mid), conv_bn(mid, cout, 1, act=False)]
        self.body = nn.Sequential(*layers)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        y = self.body(x)
        return x + y if self.residual else y


def stage(cin, cout, kernel, stride, expansion, repeats):
    blocks = [InvertedResidual(cin, cout, kernel, stride, expansion)]
    blocks += [InvertedResidual(cout, cout, kernel, 1, expansion) for _ in range(repeats - 1)]
    return nn.Sequential(*blocks)


class ResidualConvUnit(nn.Module):
    def __init__(self, features):
        super().__init__()
        self.conv1 = nn.Conv2d(features, features, 3, padding=1)
        self.conv2 = nn.Conv2d(features, features, 3, padding=1)

    def forward(self, x):
        return self.conv2(F.relu(self.conv1(F.relu(x)))) + x


class FusionBlock(nn.Module):
    def __init__(self, features, out_features):
        super().__init__()
        self.unit1 = ResidualConvUnit(features)
        self.unit2 = ResidualConvUnit(features)
        self.out_conv = nn.Conv2d(features, out_features, 1)

    def forward(self, x, skip=None):
        if skip is not None:
            x = x + self.unit1(skip)
        x = self.unit2(x)
        x = F.interpolate(x, scale_factor=2.0, mode="bilinear", align_corners=True)
        return self.out_conv(x)


class MidasSmallLike(nn.Module):
    def __init__(self):
        super().__init__()
        # EfficientNet-Lite3: width 1.2, depth 1.4 (first and last stages
        # not repeated more), ReLU6, no squeeze-and-excitation.
        self.layer1 = nn.Sequential(conv_bn(3, 32, 3, 2), stage(32, 24, 3, 1, 1, 1),
                                    stage(24, 32, 3, 2, 6, 3))               # 1/4, 32
        self.layer2 = stage(32, 48, 5, 2, 6, 3)                               # 1/8, 48
        self.layer3 = nn.Sequential(stage(48, 96, 3, 2, 6, 5),
                                    stage(96, 136, 5, 1, 6, 5))              # 1/16, 136
        self.layer4 = nn.Sequential(stage(136, 232, 5, 2, 6, 6),
                                    stage(232, 384, 3, 1, 6, 1))             # 1/32, 384
        features = 64
        self.layer1_rn = nn.Conv2d(32, features, 3, padding=1, bias=False)
        self.layer2_rn = nn.Conv2d(48, features * 2, 3, padding=1, bias=False)
        self.layer3_rn = nn.Conv2d(136, features * 4, 3, padding=1, bias=False)
        self.layer4_rn = nn.Conv2d(384, features * 8, 3, padding=1, bias=False)
        self.refine4 = FusionBlock(features * 8, features * 4)
        self.refine3 = FusionBlock(features * 4, features * 2)
        self.refine2 = FusionBlock(features * 2, features)
        self.refine1 = FusionBlock(features, features)
        self.head1 = nn.Conv2d(features, features // 2, 3, padding=1)
        self.head2 = nn.Conv2d(features // 2, 32, 3, padding=1)
        self.head3 = nn.Conv2d(32, 1, 1)

    def forward(self, x):
        l1 = self.layer1(x)
        l2 = self.layer2(l1)
        l3 = self.layer3(l2)
        l4 = self.layer4(l3)
        path = self.refine4(self.layer4_rn(l4))
        path = self.refine3(path, self.layer3_rn(l3))
        path = self.refine2(path, self.layer2_rn(l2))
        path = self.refine1(path, self.layer1_rn(l1))
        out = F.interpolate(self.head1(path), scale_factor=2.0, mode="bilinear",
                            align_corners=True)
        out = F.relu(self.head3(F.relu(self.head2(out))))
        return out.squeeze(1)


def randomized(gen):
    """The network with seeded weights, its batch statistics made plausible
    so that activations neither vanish nor explode."""
    net = MidasSmallLike().eval()
    with torch.no_grad():
        for module in net.modules():
            if isinstance(module, nn.Conv2d):
                fan_in = module.in_channels // module.groups * module.kernel_size[0] ** 2
                module.weight.normal_(0.0, (2.0 / fan_in) ** 0.5, generator=gen)
                if module.bias is not None:
                    module.bias.uniform_(0.0, 0.1, generator=gen)
            elif isinstance(module, nn.BatchNorm2d):
                module.weight.uniform_(0.5, 1.0, generator=gen)
                module.bias.uniform_(0.0, 0.1, generator=gen)
                module.running_var.uniform_(1.0, 2.0, generator=gen)
    return net
