"""py3langid's model loaded for a few languages only, one table at a time.

`LanguageIdentifier.from_model_file` followed by `set_languages` keeps the full feature
table of all 142 languages (28 MB, in `_full_model`) next to the 7-language one and has
every table of the file in memory at once while it loads: tracemalloc saw 110 MB at that
moment of a poll (bench/poll.py --trace-memory), most of the growth of the steady peak
RSS from 159 to 260-347 MB. Here each table is read from the archive, cut to what is
used and the rest freed before the next one is read; the result is the same identifier.
"""

from __future__ import annotations

import lzma
import math
import shutil
import tempfile
import zipfile
from array import array
from collections.abc import Sequence
from typing import Any

__all__ = ["identifier_for"]


def identifier_for(languages: Sequence[str]) -> Any:
    """A py3langid `LanguageIdentifier` (norm_probs=True) restricted to `languages`."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import _to_array

    wanted = set(languages)
    with tempfile.TemporaryFile(suffix=".npz") as tmp:
        with lzma.open(MODEL_DIR / MODEL_FILE) as src:
            shutil.copyfileobj(src, tmp, length=1 << 20)
        tmp.seek(0)
        with np.load(tmp, allow_pickle=False) as data:
            classes = data["classes"].tolist()
            keep = [i for i, c in enumerate(classes) if c in wanted]
            if len({classes[i] for i in keep}) != len(wanted):
                raise ValueError(f"unknown language codes: {wanted - set(classes)}")
            ptc = np.ascontiguousarray(data["ptc"][:, keep])  # the full table freed here
            pc = np.asarray(data["pc"])[keep]
            nextmove = _unsigned_array(data.zip, "nextmove")  # 20 MB: never twice
            row = _to_array(data["nextmove_row"])
            output = data["out_feat"].tolist()
    return LanguageIdentifier(
        ptc, pc, [classes[i] for i in keep], nextmove, output, norm_probs=True, tk_row=row
    )


_TYPECODES = {2: "H", 4: "I", 8: "Q"}
_CHUNK = 1 << 18  # items read at a time


def _unsigned_array(archive: zipfile.ZipFile, name: str) -> array[int]:
    """An unsigned integer table of the archive read straight into an `array`, in
    chunks: py3langid's loader makes a NumPy copy first (twice the memory at once)."""
    from numpy.lib import format as npy

    with archive.open(f"{name}.npy") as f:
        version = npy.read_magic(f)
        header = npy.read_array_header_1_0 if version == (1, 0) else npy.read_array_header_2_0
        shape, fortran, dtype = header(f)
        if dtype.kind != "u" or dtype.byteorder not in "=|<" or dtype.itemsize not in _TYPECODES:
            raise ValueError(f"{name}: unexpected table type {dtype}")
        out: array[int] = array(_TYPECODES[dtype.itemsize])
        left = math.prod(shape)
        while left:
            count = min(left, _CHUNK)
            out.frombytes(f.read(count * dtype.itemsize))
            left -= count
        if fortran and len(shape) > 1:
            raise ValueError(f"{name}: Fortran-ordered table")
        return out
