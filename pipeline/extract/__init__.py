"""Text -> figures. Knows nothing of DuckDB.

`extract_text(doc, original)` returns the figures of one document as dicts with the fields of
the figure contract (doc, start, end, value, unit, qualifier, metric, region_path, region_id,
sentence) plus provenance used by the store (sentence_start, sentence_end).
`read_document(path)` decodes a file (text or HTML) into the text those offsets refer to.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.extract.decode import Decoded, DecodeError, decode_file
from pipeline.extract.exclude import link_lines, not_a_figure
from pipeline.extract.metrics import DATA as METRICS_DATA
from pipeline.extract.metrics import classify, is_remark, unit_class
from pipeline.extract.normalize import Normalized, normalize
from pipeline.extract.numbers import find_quantities
from pipeline.extract.text import Segmenter, strip_sentence
from pipeline.regions.gazetteer import DATA_DIR as REGIONS_DATA

# Bump when the extraction code changes. The store re-extracts documents of another version; an
# edit of the rule files (triggers, domain words, region markers, renamings) changes the version
# by itself through their digest.
CODE_VERSION = "62"
RULE_FILES = (METRICS_DATA / "metrics.json", METRICS_DATA / "userdict.txt",
              REGIONS_DATA / "markers.csv", REGIONS_DATA / "history.csv", REGIONS_DATA / "divisions.csv",
              REGIONS_DATA / "areas.csv")


def _rules_digest() -> str:
    h = hashlib.sha256()
    for path in RULE_FILES:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:12]


EXTRACTOR_VERSION = f"{CODE_VERSION}-{_rules_digest()}"

__all__ = ["EXTRACTOR_VERSION", "DecodeError", "Decoded", "extract_text", "extract_normalized", "read_document",
           "doc_id_for"]


def doc_id_for(path: Path) -> str:
    """A document's id is its file name without the extension (the figure contract's `doc`)."""
    name = path.name
    for suffix in (".html", ".htm", ".txt", ".shtml"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def read_document(path: Path) -> Decoded:
    return decode_file(path.read_bytes(), path.suffix)


def extract_text(doc: str, original: str, title: str | None = None, site: str | None = None) -> list[dict]:
    """The figures of a document's text; `title` and `site` (who published it) help place them."""
    return extract_normalized(doc, normalize(original), title, site)


def extract_normalized(doc: str, norm: Normalized, title: str | None = None, site: str | None = None) -> list[dict]:
    """`extract_text` for a text already normalised (a caller that needs the normalised text too)."""
    from pipeline.regions import attribute_figures

    original = norm.original
    text = norm.text
    seg = Segmenter(text)
    kept = []
    furniture = link_lines(text)  # 上一篇:关于6起问题的通报
    for q in find_quantities(text):
        if furniture and any(s <= q.start < e for s, e in furniture):
            continue
        if not_a_figure(text, q) is None:
            kept.append(q)
    figures = []
    prev_by_clause: dict[int, tuple] = {}
    before = None
    last_of_class: dict[tuple[int, str], tuple] = {}  # (sentence start, unit class) -> its last figure
    sentences: dict[tuple[int, int], tuple[int, int, str]] = {}  # figures share sentences
    for i, q in enumerate(kept):
        clause = seg.clause_at(q.match_start, q.match_end)
        prev = prev_by_clause.get(clause.start)
        nxt = kept[i + 1].match_start if i + 1 < len(kept) and kept[i + 1].match_start < clause.end else None
        sent = seg.sentence_at(q.start)
        cls_key = (sent.start, unit_class(q.unit))
        metric = classify(text, q, clause.start, clause.end, prev, nxt, sent.start, before, last_of_class.get(cls_key))
        prev_by_clause[clause.start] = last_of_class[cls_key] = (q, metric)
        if not (before and is_remark(text, before[0].match_end, clause.end)):
            before = (q, metric)  # a change of the figure before (，同比增长15.2%) is a remark on it
        sentence = sentences.get((sent.start, sent.end))
        if sentence is None:
            s_start, s_end = norm.span(sent.start, sent.end)
            s_start, s_end = strip_sentence(original, s_start, s_end)
            sentence = sentences[sent.start, sent.end] = (s_start, s_end, original[s_start:s_end])
        s_start, s_end, sentence_text = sentence
        start, end = norm.span(q.start, q.end)
        figures.append({
            "doc": doc, "start": start, "end": end, "value": q.value, "unit": q.unit,
            "qualifier": q.qualifier, "metric": metric, "region_path": [], "region_id": None,
            "sentence": sentence_text, "sentence_start": s_start, "sentence_end": s_end,
        })
    # the title and the site's name are read like the text (思明區紀(jì)委 -> 思明区纪委)
    title, site = (normalize(s).text if s else s for s in (title, site))
    regions = attribute_figures(text, [q.start for q in kept], title=title, site=site)
    for fig, region in zip(figures, regions):
        fig["region_path"] = list(region.path)
        fig["region_id"] = region.id
    return figures
