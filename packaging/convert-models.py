#!/usr/bin/env python3
"""Checks and converts the published DepthStyle model files.

The AdaIN state dicts (vgg_normalised.pth, decoder.pth) are published in
PyTorch's legacy pickle format, which LibTorch's C++ API cannot read; this
rewrites them in the zip format after checking every tensor's name and shape.
The MiDaS TorchScript file is checked by loading and running it, then
installed frozen (torch.jit.freeze: its submodules inlined into one graph,
batch normalisation folded into the convolutions), which LibTorch loads in a
fifth of the time and runs once faster; where freezing fails or changes the
output beyond float rounding, it is installed as published.

The installed encoder keeps only the tensors through conv4_1 (what AdaIN uses).

usage: convert-models.py [--label NAME] encoder|decoder|depth SOURCE DEST   check a published file, install it
       convert-models.py [--label NAME] --check encoder|decoder|depth FILE  check an installed file

--label NAME names the file in messages (the set-up script checks a copy of
the user's file and names the original).
"""
import os
import shutil
import sys

# Published layouts: module index -> weight shape (out, in, kh, kw).
ENCODER = {0: (3, 3, 1, 1), 2: (64, 3, 3, 3), 5: (64, 64, 3, 3), 9: (128, 64, 3, 3),
           12: (128, 128, 3, 3), 16: (256, 128, 3, 3), 19: (256, 256, 3, 3),
           22: (256, 256, 3, 3), 25: (256, 256, 3, 3), 29: (512, 256, 3, 3)}
ENCODER.update({i: (512, 512, 3, 3) for i in (32, 35, 38, 42, 45, 48, 51)})
DECODER = {1: (256, 512, 3, 3), 5: (256, 256, 3, 3), 8: (256, 256, 3, 3), 11: (256, 256, 3, 3),
           14: (128, 256, 3, 3), 18: (128, 128, 3, 3), 21: (64, 128, 3, 3), 25: (64, 64, 3, 3),
           28: (3, 64, 3, 3)}
LAYOUTS = {"encoder": ENCODER, "decoder": DECODER}
# AdaIN uses the encoder through relu4_1 (conv4_1 is module 29): only those
# tensors are installed, which keeps loading fast and memory low.
INSTALLED = {"encoder": {i: s for i, s in ENCODER.items() if i <= 29}, "decoder": DECODER}


class ModelError(Exception):
    pass


def shape_text(shape):
    return "x".join(str(s) for s in shape)


def expected_tensors(layout):
    tensors = {}
    for index, shape in sorted(layout.items()):
        tensors["%d.weight" % index] = tuple(shape)
        tensors["%d.bias" % index] = (shape[0],)
    return tensors


def load_state_dict(torch, path, layout, allow_extra=False):
    try:
        # Model files are data: an unpickler that builds only tensors and
        # plain containers, so a crafted file cannot run code here.
        # Opened here, not by torch: names that are not UTF-8 reach the file.
        with open(path, "rb") as stream:
            state = torch.load(stream, map_location="cpu", weights_only=True)
    except Exception as error:  # torch raises many kinds here
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        if "Weights only load failed" in first or "weights_only" in first:
            raise ModelError("refused: it holds more than tensors (a pickle that could run code); "
                             "use the published file")
        raise ModelError("cannot be read as a PyTorch state dict (%s)" % first)
    if not isinstance(state, dict):
        raise ModelError("does not hold a state dict (found %s)" % type(state).__name__)
    expected = expected_tensors(layout)
    for name, shape in expected.items():
        if name not in state:
            raise ModelError("tensor '%s' is missing (expected shape %s)" % (name, shape_text(shape)))
        tensor = state[name]
        if not torch.is_tensor(tensor):
            raise ModelError("entry '%s' is not a tensor" % name)
        if tuple(tensor.shape) != shape:
            raise ModelError("tensor '%s' has shape %s, expected %s"
                             % (name, shape_text(tensor.shape), shape_text(shape)))
        if not tensor.is_floating_point():
            raise ModelError("tensor '%s' is not a floating-point tensor" % name)
        if not torch.isfinite(tensor).all():
            raise ModelError("tensor '%s' holds NaN or infinite values" % name)
    extra = sorted(set(state) - set(expected))
    if extra and not allow_extra:
        raise ModelError("unexpected tensor '%s' (not in the published layout)" % extra[0])
    return {name: state[name].float().contiguous() for name in expected}


def check_depth_model(torch, path):
    try:
        with open(path, "rb") as stream:
            module = torch.jit.load(stream, map_location="cpu")
    except Exception as error:
        raise ModelError("not a TorchScript model (%s)" % str(error).splitlines()[0])
    module.eval()
    try:
        with torch.no_grad():
            out = module(torch.zeros(1, 3, 256, 256))
    except Exception as error:
        raise ModelError("fails on a 1x3x256x256 input (%s)" % str(error).splitlines()[0])
    if not torch.is_tensor(out) or out.numel() != 256 * 256:
        raise ModelError("output is not 1x256x256")


def frozen_depth_model(torch, source):
    """The published trace frozen, or None where freezing fails or its
    output differs from the published one's beyond float rounding."""
    with open(source, "rb") as stream:
        module = torch.jit.load(stream, map_location="cpu").eval()
    try:
        frozen = torch.jit.freeze(module)
        probe = torch.rand(1, 3, 256, 256, generator=torch.Generator().manual_seed(2020))
        with torch.no_grad():
            published = module(probe)
            out = frozen(probe)
    except Exception:
        return None
    tolerance = 1e-4 * max(float(published.abs().max()), 1e-6)
    if out.shape != published.shape or not bool((out - published).abs().max() <= tolerance):
        return None
    return frozen


def write_atomically(dest, write):
    """Writes through a temporary name beside `dest`, then renames."""
    folder, name = os.path.split(os.path.abspath(dest))
    temp = os.path.join(folder, "partial-" + name)
    try:
        write(temp)
        os.replace(temp, dest)
    except BaseException:
        if os.path.exists(temp):
            os.remove(temp)
        raise


def convert(torch, kind, source, dest):
    """Checks `source` as published; writes the installed form to `dest`."""
    if kind == "depth":
        check_depth_model(torch, source)
        frozen = frozen_depth_model(torch, source)
        if frozen is None:
            write_atomically(dest, lambda temp: shutil.copyfile(source, temp))
        else:
            def save(temp):
                with open(temp, "wb") as stream:  # any bytes in the name
                    torch.jit.save(frozen, stream)

            write_atomically(dest, save)
        return
    state = load_state_dict(torch, source, LAYOUTS[kind])
    used = expected_tensors(INSTALLED[kind])
    def save(temp):
        with open(temp, "wb") as stream:
            torch.save({k: state[k] for k in used}, stream)

    write_atomically(dest, save)


def check_installed(torch, kind, path):
    if kind == "depth":
        check_depth_model(torch, path)
    else:
        load_state_dict(torch, path, INSTALLED[kind], allow_extra=True)


def report(text):
    """Writes a message to stderr with file names as their original bytes
    (names that are not UTF-8 come back as they were given)."""
    sys.stderr.flush()
    sys.stderr.buffer.write(text.encode("utf-8", "surrogateescape"))
    sys.stderr.buffer.flush()


def main(argv):
    args = argv[1:]
    label = None
    if len(args) >= 2 and args[0] == "--label":
        label, args = args[1], args[2:]
    check_only = len(args) > 0 and args[0] == "--check"
    if check_only:
        args = args[1:]
    if len(args) != (2 if check_only else 3) or args[0] not in ("encoder", "decoder", "depth"):
        sys.stderr.write(__doc__)
        return 2
    kind, source = args[0], args[1]
    dest = None if check_only else args[2]
    shown = label if label is not None else source
    if not os.path.isfile(source):
        report("convert-models: '%s': no such file\n" % shown)
        return 1
    try:
        import torch
    except ImportError:
        report("convert-models: needs python3-torch (run packaging/install-deps.sh)\n")
        return 1
    try:
        if check_only:
            check_installed(torch, kind, source)
        else:
            convert(torch, kind, source, dest)
    except ModelError as error:
        report("convert-models: '%s': %s\n" % (shown, error))
        return 1
    except Exception as error:  # I/O and serialisation failures
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        report("convert-models: '%s': %s\n" % (dest or shown, first))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
