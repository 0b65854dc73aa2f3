"""Charts draw Chinese with the font shipped by mplfonts, not boxes."""
from __future__ import annotations

import warnings

from pipeline.report import fonts, plots


def test_font_file_ships_with_the_project():
    assert fonts.cjk_font_path().stat().st_size > 1_000_000


def test_chinese_labels_have_glyphs():
    import pandas as pd

    df = pd.DataFrame({"region_id": ["jinghai", "wuqing"], "name": ["静海区", "武清区"],
                       "metric": ["cases_investigated"] * 2, "zh": ["查处问题/案件数"] * 2,
                       "value": [71.0, 13.0], "display": ["71起", "13件"]})
    fig = plots.peer_chart(df, "jinghai", ["jinghai", "wuqing", "tianjin-hebei"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = plots.png_bytes(fig)
    assert png[:4] == b"\x89PNG"
    assert not [w for w in caught if "missing from font" in str(w.message)], [str(w.message) for w in caught]
    texts = [t.get_text() for ax in fig.axes for t in ax.get_xticklabels()]
    assert texts == ["静海区", "武清区", "tianjin-hebei"]
    from matplotlib import font_manager

    default = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))
    assert default == str(fonts.cjk_font_path())
