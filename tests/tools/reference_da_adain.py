#!/usr/bin/env python3
"""An independent reference of DA-AdaIN in plain eager PyTorch, written from
the paper's formulas (Kitov et al. 2020, eq. 1-5 and Algorithm 1) and
upstream pytorch-AdaIN's way of running the networks (nn.Sequential with
ReflectionPad2d + Conv2d, NCHW). Reads the published (legacy) .pth files.

usage: reference_da_adain.py --models DIR --content C.raw --style S.raw
         [--proximity P.raw] --out DIR
         --run NAME:METHOD:BETA:EPSILON:ALPHA[:KEY=VALUE...] [--run ...]
KEYs (the artist's controls, from the README's formulas):
  levels=BLACK,WHITE,GAMMA   invert=1   focus=FX,FY (fractions of W, H)
  edit=FILE.raw   override=FILE.raw   (H x W x 2 layers: grey, alpha)
  color=style-to-content|luminance    (keeping the photo's colours)
  weights=W0/W1   (style interpolation with --style2)   nearfar=1 (style near, style2 far)
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


def normalised(x):
    """Step 4: min-max to [0, 1]; a flat map gives 0."""
    spread = x.max() - x.min()
    return (x - x.min()) / spread if spread > 0 else torch.zeros_like(x)


def adjusted_proximity(proximity, controls):
    """Levels, invert and depth edit on the normalised proximity at content size."""
    levels = controls.get("levels")
    invert = controls.get("invert") == "1"
    edit = controls.get("edit")
    if levels is None and not invert and edit is None:
        return proximity
    black, white, gamma = (float(v) for v in (levels or "0,1,1").split(","))
    p = normalised(proximity.double())
    p = torch.clamp((p - black) / (white - black), 0.0, 1.0) ** (1.0 / gamma)
    if invert:
        p = 1.0 - p
    if edit is not None:
        layer = torch.from_numpy(raw_arrays.read(edit)).double()
        grey, alpha = layer[:, :, 0], layer[:, :, 1]
        p = p * (1.0 - alpha) + grey * alpha
    return p


def strength_map(grid, beta, epsilon, focus=None, content_size=None):
    """Algorithm 1, steps 4-7; with a focus, step 4's q becomes its closeness
    to the focus cell's q: 1 - |q - q_f| / max |q - q_f|."""
    p = normalised(grid)
    if focus is not None:
        height, width = content_size
        fx, fy = (float(v) for v in focus.split(","))
        cell_x = min(math.floor(fx * width) // 8, grid.shape[1] - 1)
        cell_y = min(math.floor(fy * height) // 8, grid.shape[0] - 1)
        distance = (p - p[cell_y, cell_x]).abs()
        spread = distance.max()
        p = 1.0 - distance / spread if spread > 0 else torch.zeros_like(p)
    p = p - p.mean()
    p = 1.0 / (1.0 + torch.exp(-beta * p))
    return torch.clamp(p, max=1.0 - epsilon)


def override(p, path, grid_h, grid_w):
    """The strength override: per pixel P (1 - a) + g a, averaged per block."""
    layer = torch.from_numpy(raw_arrays.read(path)).double()
    grey, alpha = layer[:, :, 0], layer[:, :, 1]
    mean_alpha = block_average(alpha, grid_h, grid_w)
    mean_paint = block_average(grey * alpha, grid_h, grid_w)
    return p * (1.0 - mean_alpha) + mean_paint


def recolour(style, content):
    """Style pixels mapped to the content's colour mean and covariance:
    x' = L_c L_s^-1 (x - mu_s) + mu_c, with C = L L^T (Cholesky)."""
    def stats(image):
        pixels = image[0].reshape(3, -1).double()
        mean = pixels.mean(dim=1, keepdim=True)
        centred = pixels - mean
        covariance = centred @ centred.T / pixels.shape[1]
        factor, info = torch.linalg.cholesky_ex(covariance)
        if info != 0:  # not positive definite: 1e-6 on the diagonal, as the engine
            factor = torch.linalg.cholesky(covariance + 1e-6 * torch.eye(3, dtype=torch.float64))
        return mean, factor
    s_mean, s_chol = stats(style)
    c_mean, c_chol = stats(content)
    pixels = style[0].reshape(3, -1).double()
    mapped = c_chol @ torch.linalg.solve_triangular(s_chol, pixels - s_mean, upper=False) + c_mean
    return mapped.float().reshape(style.shape)


def keep_chroma(result, content):
    """BT.601: Y' of the result, Cb and Cr of the content, clipped."""
    def luma(rgb):
        return 0.299 * rgb[:, 0] + 0.587 * rgb[:, 1] + 0.114 * rgb[:, 2]
    y = luma(result)
    cb = (content[:, 2] - luma(content)) / 1.772
    cr = (content[:, 0] - luma(content)) / 1.402
    red = y + 1.402 * cr
    blue = y + 1.772 * cb
    green = (y - 0.299 * red - 0.114 * blue) / 0.587
    return torch.stack([red, green, blue], dim=1).clamp(0.0, 1.0)


def to_tensor(hwc):
    return torch.from_numpy(hwc).permute(2, 0, 1).unsqueeze(0).contiguous()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", required=True)
    parser.add_argument("--content", required=True)
    parser.add_argument("--style", required=True)
    parser.add_argument("--style2")
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
        recoloured_target = adain(content_features, encoder(recolour(style, content)))
        target2 = None
        if args.style2:
            target2 = adain(content_features, encoder(to_tensor(raw_arrays.read(args.style2))))
        grid_h, grid_w = content_features.shape[2:]
        assert grid_h == math.ceil(height / 8) and grid_w == math.ceil(width / 8)
        proximity = None
        if args.proximity:
            proximity = torch.from_numpy(raw_arrays.read(args.proximity)[:, :, 0])
        for run in args.run:
            name, method, beta, epsilon, alpha, *extra = run.split(":")
            controls = dict(item.split("=", 1) for item in extra)
            if method == "adain":
                p = torch.full((grid_h, grid_w), float(alpha), dtype=torch.float64)
            else:
                grid = block_average(adjusted_proximity(proximity, controls), grid_h, grid_w)
                p = strength_map(grid, float(beta), float(epsilon), controls.get("focus"),
                                 (height, width))
                if "override" in controls:
                    p = override(p, controls["override"], grid_h, grid_w)
            p32 = p.float().view(1, 1, grid_h, grid_w)
            color = controls.get("color", "none")
            t = recoloured_target if color == "style-to-content" else target
            if "weights" in controls:  # interpolation: sum w_i t_i, weights divided by their sum
                w = [float(v) for v in controls["weights"].split("/")]
                t = (w[0] * target + w[1] * target2) / sum(w)
            if controls.get("nearfar") == "1":  # t_far + q (t_near - t_far), q of step 4
                q = normalised(block_average(adjusted_proximity(proximity, controls),
                                             grid_h, grid_w)).float().view(1, 1, grid_h, grid_w)
                t = target2 + q * (target - target2)
            blended = p32 * content_features + (1.0 - p32) * t
            result = decoder(blended)[:, :, :height, :width].clamp(0.0, 1.0)
            if color == "luminance":
                result = keep_chroma(result, content)
            raw_arrays.write(os.path.join(args.out, name + ".result.raw"),
                             result[0].permute(1, 2, 0).numpy())
            raw_arrays.write(os.path.join(args.out, name + ".strength.raw"), p.float().numpy())


if __name__ == "__main__":
    main()
