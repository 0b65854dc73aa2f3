"""Raw file bytes -> document text.

In: the bytes of one file under RAW. Out: a `Decoded` with the text that every offset refers to
(for a plain-text file the decoded file; for an HTML page the main text a reader sees), the
encoding, the format and, for pages, the title, date and URL the page states about itself.
Undecodable input raises `DecodeError` with a reason that goes into the documents table.
"""
from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from charset_normalizer import from_bytes

MAX_BYTES = 20 * 1024 * 1024  # larger files are recorded as failed, not read


class DecodeError(ValueError):
    """The file cannot be turned into text; the message is the reason recorded for it."""


@dataclass
class Decoded:
    text: str
    encoding: str
    format: str  # "text" or "html"
    title: str | None = None
    published: str | None = None
    url: str | None = None
    site: str | None = None  # who published the page (河南省纪委监委): the <title>'s tail or its metadata
    notes: list[str] = field(default_factory=list)


_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_HTML_HINT = re.compile(rb"<\s*(html|head|body|div|p|meta|title)\b", re.I)
CJK = re.compile(r"[\u4e00-\u9fff]")
# Documents this pipeline does not read, known by their first bytes: a clear reason, not "binary"
# or an empty read. Save them as text or HTML first (pdftotext, "Save as" .txt or .html).
CONTAINERS = [
    (b"%PDF-", "a PDF file: convert it to text first (e.g. pdftotext -enc UTF-8)"),
    (b"PK\x03\x04", "a ZIP container (a .docx, .xlsx or .zip): save or extract it as text or HTML first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls): save it as text or HTML first"),
    (b"{\\rtf", "an RTF document: save it as text or HTML first"),
]


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Return (text, encoding, notes). Tries BOMs, strict UTF-8, then charset-normalizer."""
    if len(data) > MAX_BYTES:
        raise DecodeError(f"file too large ({len(data)} bytes > {MAX_BYTES})")
    for magic, reason in CONTAINERS:
        if data.startswith(magic):
            raise DecodeError(reason)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, []
            except UnicodeDecodeError as e:
                raise DecodeError(f"{enc} byte-order mark but undecodable: {e.reason}") from e
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as e:
        utf8_error = e
    # A UTF-8 file cut in the middle of a character: keep what is complete and say so.
    if utf8_error.start >= len(data) - 3 and utf8_error.reason == "unexpected end of data":
        return data[: utf8_error.start].decode("utf-8"), "utf-8", ["truncated: incomplete last character dropped"]
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # UTF-16 without BOM shows NULs in every other byte; anything else with NULs is binary.
        best = from_bytes(data, cp_isolation=["utf_16_le", "utf_16_be"]).best()
        if best is not None and _looks_like_text(str(best)):
            return str(best), best.encoding, []
        raise DecodeError("binary content (NUL bytes), not text")
    match = from_bytes(data, cp_isolation=["gb18030", "gbk", "big5", "utf_8", "utf_16", "big5hkscs"]).best()
    if match is None:
        match = from_bytes(data).best()
    if match is None:
        raise DecodeError("no text encoding fits the bytes (binary or corrupt file)")
    text = str(match)
    if not _looks_like_text(text):
        raise DecodeError(f"decodes as {match.encoding} but is not readable text (binary or corrupt file)")
    return text, match.encoding, []


# Two characters of Latin-1 where Chinese should be: the bytes of a Chinese text decoded with a
# Western code page (天津 in UTF-8 read as cp1252 is å¤©æ´¥; in GBK read as Latin-1, Ìì½ò).
_MOJIBAKE_SIGN = re.compile(r"[\u00c0-\u00ff][\u0080-\u00ff\u0152-\u0192\u02c6-\u02dc\u2013-\u203a\u20ac\u2122]")


# UTF-8 read as GBK (通过 is 閫氳繃): 。 and ， (E3 80 82, EF BC 8C) begin with the bytes of 銆 and 锛,
# characters that Chinese text hardly ever uses
_GBK_MOJIBAKE_SIGN = re.compile("[銆锛]")


def _is_common(ch: str) -> bool:
    """One of the 3,755 most common simplified characters (GB2312 level 1) or the 5,401 most
    common traditional ones (Big5 A440-C67E)."""
    try:
        if 0xB0 <= ch.encode("gb2312")[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA440 <= int.from_bytes(ch.encode("big5")[:2], "big") <= 0xC67E
    except UnicodeEncodeError:
        return False


def _common_share(text: str) -> float:
    """The share of common characters among the Chinese characters of `text`: over 99% of the
    text of a report, simplified or traditional, and about a third of UTF-8 read as GBK."""
    chars = CJK.findall(text, 0, 20_000)
    return sum(map(_is_common, chars)) / len(chars) if chars else 0.0


def _repair_gbk_mojibake(text: str) -> str | None:
    """UTF-8 text that was decoded as GBK: its GBK bytes read as UTF-8 again, when that gives common
    characters. Where the GBK decoder wrote U+FFFD it dropped one byte of a character, and
    `_lost_bytes` puts it back; U+FFFD stays where no byte completes a character."""
    if len(_GBK_MOJIBAKE_SIGN.findall(text, 0, 20_000)) < 3:
        return None
    parts = re.split("(\ufffd+)", text)  # text, a run of U+FFFD, text, ...
    pieces = [part.encode("gbk", errors="ignore") for part in parts[::2]]
    rough = b"".join(pieces).decode("utf-8", errors="replace")
    share = _common_share(rough)
    if share < 0.8 or share < _common_share(text) + 0.3:
        return None
    from pipeline.extract.metrics import _jieba

    context = _Context(_jieba().FREQ, rough)
    out = bytearray(pieces[0])
    for run, piece in zip(parts[1::2], pieces[1:]):
        out += _lost_bytes(out, len(run), piece, context)
        out += piece
    return out.decode("utf-8", errors="replace")


class _Context:
    """What makes a character likely at a place: a word it forms with a neighbour, a measure word
    after a digit (13件), how often it stands between the same kinds of character in the rest of
    the text (。 before a line break), how often it occurs."""

    def __init__(self, words: dict[str, int], text: str):
        from pipeline.extract.numbers import ALL_UNITS

        self.words, self.units = words, {u[0] for u in ALL_UNITS}
        self.counts = Counter(text)
        kinds = list(map(self.kind, text))
        self.pairs = Counter(zip(kinds, text[1:])) + Counter(zip(text, kinds[1:]))

    @staticmethod
    def kind(ch: str) -> str:
        return "0" if ch.isdigit() else ch

    def score(self, prev: str, ch: str, following: str) -> tuple:
        word = bool(self.words.get(prev + ch) or self.words.get(ch + following))
        unit = prev.isdigit() and ch in self.units
        pairs = (self.pairs[self.kind(prev), ch] if prev else 0) + (self.pairs[ch, self.kind(following)] if following else 0)
        return word, unit, pairs, self.counts[ch], _is_common(ch)


@lru_cache(maxsize=None)
def _gbk_pair(first: int, second: int) -> bool:
    try:
        bytes((first, second)).decode("gbk")
        return True
    except UnicodeDecodeError:
        return False


def _lost_bytes(before: bytearray, n: int, after: bytes, context: _Context) -> bytes:
    """The `n` bytes the GBK decoder dropped between `before` and `after` (0xFF each, read as
    U+FFFD, where none fits).

    It drops 0x80, which begins no GBK character, and the first byte of a pair that is no GBK
    character (A3 8E in 风, or the last byte of a character with an ASCII one, 件 in 13件,), then
    reads on from the second byte. So each is a continuation byte (0x80-0xBF) of the character
    `before` ends in. Of the bytes the decoder could have dropped there that complete it, those
    whose character makes a word with a neighbour (位置, not 位网), else follows the same kind of
    character elsewhere in the text, else is the most frequent."""
    unknown = b"\xff" * n
    lead = next((i for i in range(len(before) - 1, max(-1, len(before) - 4), -1) if before[i] >= 0xC0), None)
    if n > 2 or lead is None or before[lead] >= 0xF8 or any(b >= 0xC0 for b in before[lead + 1:]):
        return unknown
    size = 2 if before[lead] < 0xE0 else 3 if before[lead] < 0xF0 else 4
    missing = size - (len(before) - lead) - n  # bytes of the character after the lost ones
    if missing < 0 or len(after) < missing:
        return unknown
    prev = bytes(before[max(0, lead - 4):lead]).decode("utf-8", errors="ignore")[-1:]
    following = after[missing:missing + 4].decode("utf-8", errors="ignore")[:1]
    head, tail, next_byte = bytes(before[lead:]), after[:missing], after[0] if after else None
    best, best_score = unknown, None
    for lost in product(range(0x80, 0xC0), repeat=n):
        if any(b != 0x80 and nxt is not None and _gbk_pair(b, nxt) for b, nxt in zip(lost, (*lost[1:], next_byte))):
            continue  # the decoder would have read this byte with the next one
        try:
            ch = (head + bytes(lost) + tail).decode("utf-8")
        except UnicodeDecodeError:
            continue
        score = context.score(prev, ch, following)
        if best_score is None or score > best_score:
            best, best_score = bytes(lost), score
    return best


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """A text that was decoded with the wrong code page once and saved again: UTF-8 read as GBK is
    read back; ftfy undoes UTF-8 read as Latin-1 or cp1252; a text of Latin-1 characters is read
    again as GBK or Big5. Returns the text (repaired when that gives more Chinese) and what was
    repaired, or None."""
    repaired = _repair_gbk_mojibake(text)
    if repaired is not None:
        return repaired, "UTF-8 decoded as GBK"
    if len(_MOJIBAKE_SIGN.findall(text, 0, 20_000)) < 3:
        return text, None
    import ftfy

    candidates = [(ftfy.fix_encoding(text), "UTF-8 decoded as Latin-1/cp1252")]
    for code_page in ("latin-1", "cp1252"):
        try:
            raw = text.encode(code_page)
        except UnicodeEncodeError:
            continue  # a character outside this code page: try the next
        match = from_bytes(raw, cp_isolation=["gb18030", "big5"]).best()
        if match is not None and _looks_like_text(str(match)):
            candidates.append((str(match), f"{match.encoding} decoded as {code_page}"))
        break  # the first code page that holds every character gave the bytes back
    best, how = text, None
    for candidate, what in candidates:
        if len(CJK.findall(candidate)) > len(CJK.findall(best)):
            best, how = candidate, what
    return best, how


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return True
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\r\n\t\f") or 0xE000 <= ord(ch) <= 0xF8FF or ch == "\ufffd")
    return bad / len(text) < 0.02 and (len(CJK.findall(text)) > 0 or text.isascii())


def looks_like_html(data: bytes, suffix: str) -> bool:
    return suffix.lower() in (".html", ".htm", ".shtml", ".xhtml") or bool(_HTML_HINT.search(data[:2048]))


TITLE_SEPARATOR = r"\s*(?:——|--|_|\|)\s*"  # headline——section——site in a page's <title>


def html_to_text(html: str) -> Decoded:
    """Main text of a page through trafilatura; title, date and URL from its metadata."""
    import trafilatura
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        tree = None
    meta = trafilatura.extract_metadata(html)
    title = published = url = site = None
    if meta is not None:
        title, published, url, site = meta.title, meta.date, meta.url, meta.sitename
    headline = _headline(tree, title)  # before the tables are written out
    if tree is not None and TABLE_TAG.search(html) and tables_as_sentences(tree):
        html_for_text = lxml_html.tostring(tree, encoding="unicode")
    else:
        html_for_text = html
    text = trafilatura.extract(
        html_for_text, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False
    ) or ""
    return Decoded(text=text, encoding="", format="html", title=headline, published=published, url=url,
                   site=_site(html) or site)


TABLE_TAG = re.compile(r"<table\b", re.I)
TABLE_CELL_MAX = 40  # longer cells make a layout table (a page laid out in a grid), not data
TABLE_SPAN_MAX = 100  # a merge across more rows or columns than this is read as this many
UNIT_IN_HEADER = re.compile(r"\s*[(（]([^()（）]{1,4})[)）]\s*$")  # 处理人数（人）
# 处分人数, 问题件数: a heading that counts in a measure word names the unit of its cells
COUNT_IN_HEADER = re.compile(r"(人次|人|件|起|个|份|条|封|户|家|项)数$")
BARE_NUMBER = re.compile(r"\d[\d ,]*(?:\.\d+)?")
ROW_NUMBER_HEADERS = ("序号", "编号", "序", "排名", "排序")  # a column that numbers the rows: no figure


def tables_as_sentences(tree) -> bool:
    """Writes each data table of a parsed page out as sentences, one row a paragraph; True when
    it wrote any.

    Page text puts every cell on a line of its own, which parts a figure from its row's region and
    its column's heading (静海区 / 23 / 31 under 地区 / 查处问题（起） / 处理人数（人）). Each row
    becomes `静海区，查处问题23起，处理人数31人。` (see `_row_sentences`). Tables nested in others,
    of rows still unequal once merged cells are spread out, or with long cells (layout grids) are
    left as they are."""
    from lxml import html as lxml_html

    changed = False
    for table in list(tree.iter("table")):
        sentences = _row_sentences(table)
        if sentences is None:
            continue
        block = lxml_html.Element("div")
        for sentence in sentences:
            p = lxml_html.Element("p")
            p.text = sentence
            block.append(p)
        table.getparent().replace(table, block)
        changed = True
    return changed


def _row_sentences(table) -> list[str] | None:
    """The rows of a data table as sentences: the row's first cell, then each column's heading
    with its cell (a unit in the heading's brackets, or the measure word it counts in, 处分人数,
    goes after a bare number); when the units stand in the first column instead, the row's label,
    a colon, then each column's heading with its cell. None for a table that lays a page out.

    Merged cells are read as standing in every place they cover: a heading over two rows of
    headings (处理人数 over 合计 | 其中处分人数) is part of both, and the leading columns under one
    heading (类别 over 形式主义、官僚主义 | 违规吃喝) label their row together."""
    if any(t is not table for t in table.iter("table")):
        return None  # holds another table: a layout grid
    rows = [[c for c in tr if c.tag in ("td", "th")] for tr in table.iter("tr")]
    grid = _grid(rows)
    cells = [[text for text, _ in r] for r in grid]
    if (len(cells) < 2 or len({len(r) for r in cells}) != 1 or len(cells[0]) < 2
            or any(len(c) > TABLE_CELL_MAX for r in cells for c in r)):
        return None
    has_digits = [any(ch.isdigit() for c in r for ch in c) for r in cells]
    if not (all(c.tag == "th" for c in rows[0]) or (not has_digits[0] and any(has_digits[1:]))):
        return ["，".join(_distinct(row)) + "。" for row in grid if any(text for text, _ in row)]
    depth = max(_span(c, "rowspan") for c in rows[0])  # rows of headings
    while depth > 1 and (any(has_digits[:depth]) or depth >= len(cells)):
        depth -= 1
    columns_of_heads = list(zip(*grid[:depth]))
    heads = [_heading(_distinct(list(column))) for column in columns_of_heads]
    keep = [i for i, head in enumerate(heads) if head not in ROW_NUMBER_HEADERS]
    if not keep:
        return None  # nothing but row numbers
    header = [heads[i] for i in keep]
    body = [[r[i] for i in keep] for r in grid[depth:]]
    labels = 1
    while labels < len(keep) and columns_of_heads[keep[labels]] == columns_of_heads[keep[0]]:
        labels += 1
    header = header[labels - 1:]
    body = [["，".join(_distinct(r[:labels]))] + [text for text, _ in r[labels:]] for r in body]
    columns = [_unit_of(head) for head in header[1:]]  # (label, unit) of each column
    rows_by_label = [_unit_of(row[0]) for row in body]
    sentences = []
    if not any(unit for _, unit in columns) and all(unit for _, unit in rows_by_label):
        # the units stand in the first column: each row is a measure, each column a place
        # (查处问题（起） | 23 | 27 under 项目 | 静海区 | 武清区 -> 查处问题：静海区23起，武清区27起。)
        for (label, unit), row in zip(rows_by_label, body):
            parts = [head + _with_unit(cell, unit) for head, cell in zip(header[1:], row[1:]) if cell]
            if parts:
                sentences.append(label + "：" + "，".join(parts) + "。")
        return sentences
    for row in body:
        parts = [row[0]] if row[0] else []
        parts += [label + _with_unit(cell, unit) for (label, unit), cell in zip(columns, row[1:]) if cell]
        if parts:
            sentences.append("，".join(parts) + "。")
    return sentences


def _heading(parts: list[str]) -> str:
    """One heading of the headings stacked over a column, the unit of any of them at its end:
    处理人数（人） over 合计 -> 处理人数合计（人）."""
    if len(parts) < 2:
        return "".join(parts)
    labels, units = zip(*map(_unit_of_bracket, parts))
    unit = next((u for u in units if u), None)
    return "".join(labels) + (f"（{unit}）" if unit else "")


def _unit_of_bracket(heading: str) -> tuple[str, str | None]:
    bracket = UNIT_IN_HEADER.search(heading)
    return (heading[:bracket.start()], bracket.group(1)) if bracket else (heading, None)


def _span(cell, attribute: str) -> int:
    value = cell.get(attribute, "1").strip()
    return min(int(value), TABLE_SPAN_MAX) if value.isdigit() and int(value) > 0 else 1


def _grid(rows) -> list[list[tuple[str, int]]]:
    """Each row's cells as (text, which cell of the table it is): a cell merged across columns
    (colspan) or rows (rowspan) stands in every place it covers."""
    grid: list[list[tuple[str, int]]] = []
    below: dict[int, tuple[tuple[str, int], int]] = {}  # column -> (cell, rows it still covers)
    n = 0
    for row in rows:
        line: list[tuple[str, int]] = []

        def fill_from_above():
            while len(line) in below:
                cell, left = below.pop(len(line))
                if left > 1:
                    below[len(line)] = (cell, left - 1)
                line.append(cell)

        for td in row:
            fill_from_above()
            cell = (" ".join(td.text_content().split()), n)
            n += 1
            down = _span(td, "rowspan")
            for _ in range(_span(td, "colspan")):
                if down > 1:
                    below[len(line)] = (cell, down - 1)
                line.append(cell)
        fill_from_above()
        grid.append(line)
    return grid


def _distinct(cells: list[tuple[str, int]]) -> list[str]:
    """The texts of the non-empty cells, a merged cell once."""
    out: list[str] = []
    seen = set()
    for text, which in cells:
        if text and which not in seen:
            out.append(text)
        seen.add(which)
    return out


def _unit_of(heading: str) -> tuple[str, str | None]:
    """A heading without its bracketed unit, and the unit its cells count in: 处理人数（人） ->
    (处理人数, 人), 处分人数 -> (处分人数, 人), 立案数 -> (立案数, None)."""
    label, unit = _unit_of_bracket(heading)
    if unit:
        return label, unit
    counted = COUNT_IN_HEADER.search(heading)
    return heading, counted.group(1) if counted else None


def _with_unit(cell: str, unit: str | None) -> str:
    return cell + unit if unit and BARE_NUMBER.fullmatch(cell) else cell


def _site(html: str) -> str | None:
    """The last part of the page's <title> when it has several (2024年1-9月…情况_河南省纪委监委)."""
    m = re.search(r"<title[^>]*>([^<]*)</title>", html, re.I)
    parts = re.split(TITLE_SEPARATOR, " ".join(m.group(1).split())) if m else []
    return parts[-1] if len(parts) > 1 and 0 < len(parts[-1]) <= 40 else None


def _headline(tree, meta_title: str | None) -> str | None:
    """The article's headline: <title> often carries only "栏目——网站名", so the page's first
    h1/h2 heading (of the parsed page, None when it could not be parsed) is preferred when it is
    the longer of the two."""
    candidates = []
    if meta_title:
        candidates.append(re.split(TITLE_SEPARATOR, meta_title.strip())[0].strip())
    for tag in ("h1", "h2") if tree is not None else ():
        heads = [" ".join(h.text_content().split()) for h in tree.iter(tag)]
        candidates.extend(h for h in heads[:1] if h)
    candidates = [c for c in candidates if 0 < len(c) <= 80]
    return max(candidates, key=len) if candidates else meta_title


def decode_file(data: bytes, suffix: str) -> Decoded:
    text, encoding, notes = decode_bytes(data)
    text, repaired = repair_mojibake(text)
    if repaired:
        notes = notes + [f"mojibake repaired ({repaired})"]
    if looks_like_html(data, suffix):
        page = html_to_text(text)
        page.encoding, page.notes = encoding, notes
        return page
    return Decoded(text=text, encoding=encoding, format="text", notes=notes)
