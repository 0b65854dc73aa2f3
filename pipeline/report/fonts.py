"""The CJK font for charts, configured in one place.

In: nothing (the font ships inside the `mplfonts` wheel, installed with the project).
Out: `cjk_font_path()` -> path of Noto Sans CJK SC; `use_cjk_font()` registers it with
matplotlib and makes it the default sans-serif family, so 静海 renders instead of boxes.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

FONT_FILE = "NotoSansCJKsc-Regular.otf"


def cjk_font_path() -> Path:
    # find the file without importing mplfonts: its import does set-up work we do not need
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the mplfonts package is not installed (run `make setup`)")
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / FONT_FILE
    if not path.is_file():
        raise FileNotFoundError(f"CJK font missing: {path}")
    return path


def use_cjk_font() -> str:
    """Register Noto Sans CJK SC with matplotlib and make it the default; returns the family name."""
    import matplotlib
    from matplotlib import font_manager

    path = cjk_font_path()
    manager = font_manager.fontManager
    if not any(entry.fname == str(path) for entry in manager.ttflist):
        manager.addfont(str(path))
    # A system copy of the same family (fonts-noto-cjk) would tie with ours, and a tie goes to the
    # first font listed: list ours first so the charts use the font the project installs.
    manager.ttflist.sort(key=lambda entry: entry.fname != str(path))
    family = font_manager.FontProperties(fname=str(path)).get_name()
    matplotlib.rcParams["font.family"] = "sans-serif"
    sans = [f for f in matplotlib.rcParams["font.sans-serif"] if f != family]
    matplotlib.rcParams["font.sans-serif"] = [family, *sans]
    # the CJK font has no U+2212 minus sign; use ASCII '-' on axes
    matplotlib.rcParams["axes.unicode_minus"] = False
    return family
