"""A tiny raw array format shared with the C++ tests: the 4 bytes 'DSRW',
int32 rows, cols, channels (little-endian), then float32 values row-major
(rows x cols x channels)."""
import struct

import numpy as np

MAGIC = b"DSRW"


def read(path):
    with open(path, "rb") as f:
        if f.read(4) != MAGIC:
            raise ValueError("%s: not a DSRW array" % path)
        rows, cols, channels = struct.unpack("<3i", f.read(12))
        data = np.frombuffer(f.read(), dtype="<f4")
    return data.reshape(rows, cols, channels).astype(np.float32)


def write(path, array):
    array = np.asarray(array, dtype="<f4")
    if array.ndim == 2:
        array = array[:, :, None]
    with open(path, "wb") as f:
        f.write(MAGIC)
        f.write(struct.pack("<3i", *array.shape))
        f.write(array.tobytes())
