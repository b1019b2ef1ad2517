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
import shutil
import tempfile
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
            nextmove = _to_array(data["nextmove"])
            row = _to_array(data["nextmove_row"])
            output = data["out_feat"].tolist()
    return LanguageIdentifier(
        ptc, pc, [classes[i] for i in keep], nextmove, output, norm_probs=True, tk_row=row
    )
