#!/usr/bin/env python3
"""Draws a content picture of any size for benchmarks, made by the project:
a sky, hills and a near dark shape in front (so that depth matters), with
fine texture so that it does not compress to nothing. PNG via numpy and
zlib only. usage: draw_sized_content.py OUT.png WIDTH HEIGHT"""
import struct
import sys
import zlib

import numpy as np


def write_png(path, rgb):
    height, width, _ = rgb.shape
    raw = np.zeros((height, width * 3 + 1), dtype=np.uint8)
    raw[:, 1:] = rgb.reshape(height, width * 3)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
                chunk(b"IDAT", zlib.compress(raw.tobytes(), 6)) + chunk(b"IEND", b""))


def main():
    out, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    u, v = x / width, y / height
    rgb = np.zeros((height, width, 3), dtype=np.float32)
    rgb[..., 0] = 120 + 80 * v
    rgb[..., 1] = 160 + 40 * v
    rgb[..., 2] = 235 - 30 * v
    hills = v > 0.55 + 0.08 * np.sin(u * 9.0)
    rgb[hills] = np.stack([70 + 60 * v, 120 + 50 * v, 60 + 20 * v], axis=-1)[hills]
    near = (u - 0.3) ** 2 / 0.02 + (v - 0.8) ** 2 / 0.05 < 1
    rgb[near] = [60, 40, 30]
    rng = np.random.default_rng(7)
    rgb += rng.normal(0, 6, size=(height, width, 1)).astype(np.float32)
    write_png(out, np.clip(rgb, 0, 255).astype(np.uint8))


if __name__ == "__main__":
    main()
