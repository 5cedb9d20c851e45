#!/usr/bin/env python3
"""Draws a sample content picture (a landscape with a near object, so that
depth matters) and a sample style picture, made by the project itself, as
PNG via PyTorch only (no imaging library needed): OUT/content.png, OUT/style.png."""
import math
import struct
import sys
import zlib


def write_png(path, width, height, pixel):
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            row.extend(pixel(x, y))
        rows.append(bytes(row))
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
                chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def clamp(v):
    return max(0, min(255, int(v)))


def landscape(x, y, w=768, h=512):
    horizon = h * 0.45 + 25 * math.sin(x / 70.0)
    if y < horizon:  # sky with a sun
        t = y / horizon
        r, g, b = 120 + 90 * t, 170 + 60 * t, 235
        if (x - 560) ** 2 + (y - 90) ** 2 < 45 ** 2:
            r, g, b = 255, 230, 140
    else:  # fields getting nearer
        t = (y - horizon) / (h - horizon)
        stripe = 18 * math.sin(x / (6 + 30 * t) + y / 9.0)
        r, g, b = 70 + 60 * t + stripe, 120 + 70 * t + stripe, 50
    # a near tree on the left
    if 90 < x < 120 and y > 250:
        r, g, b = 90, 60, 30
    if (x - 105) ** 2 + (y - 230) ** 2 < 85 ** 2:
        r, g, b = 40, 110 + 30 * math.sin(x / 5.0) * math.cos(y / 7.0), 45
    return bytes((clamp(r), clamp(g), clamp(b)))


def swirls(x, y):
    a = math.sin(x / 11.0) + math.cos(y / 13.0) + math.sin((x + y) / 17.0)
    r = 128 + 120 * math.sin(a * 2.0)
    g = 100 + 80 * math.sin(a * 3.0 + 1.0)
    b = 150 + 100 * math.cos(a * 2.5)
    return bytes((clamp(r), clamp(g), clamp(b)))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    write_png(out + "/content.png", 768, 512, landscape)
    write_png(out + "/style.png", 384, 384, swirls)


if __name__ == "__main__":
    main()
