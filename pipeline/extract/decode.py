"""Raw file bytes -> document text.

In: the bytes of one file under RAW. Out: a `Decoded` with the text that every offset refers to
(for a plain-text file the decoded file; for an HTML page the main text a reader sees), the
encoding, the format and, for pages, the title, date and URL the page states about itself.
Undecodable input raises `DecodeError` with a reason that goes into the documents table.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

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


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Return (text, encoding, notes). Tries BOMs, strict UTF-8, then charset-normalizer."""
    if len(data) > MAX_BYTES:
        raise DecodeError(f"file too large ({len(data)} bytes > {MAX_BYTES})")
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


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """A text that was decoded with the wrong code page once and saved again: ftfy undoes UTF-8
    read as Latin-1 or cp1252; a text of Latin-1 characters is read again as GBK or Big5. Returns
    the text (repaired when that gives more Chinese) and what was repaired, or None."""
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

    text = trafilatura.extract(
        html, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False
    ) or ""
    meta = trafilatura.extract_metadata(html)
    title = published = url = site = None
    if meta is not None:
        title, published, url, site = meta.title, meta.date, meta.url, meta.sitename
    return Decoded(text=text, encoding="", format="html", title=_headline(html, title), published=published, url=url,
                   site=_site(html) or site)


def _site(html: str) -> str | None:
    """The last part of the page's <title> when it has several (2024年1-9月…情况_河南省纪委监委)."""
    m = re.search(r"<title[^>]*>([^<]*)</title>", html, re.I)
    parts = re.split(TITLE_SEPARATOR, " ".join(m.group(1).split())) if m else []
    return parts[-1] if len(parts) > 1 and 0 < len(parts[-1]) <= 40 else None


def _headline(html: str, meta_title: str | None) -> str | None:
    """The article's headline: <title> often carries only "栏目——网站名", so the page's first
    h1/h2 heading is preferred when it is the longer of the two."""
    from lxml import html as lxml_html

    candidates = []
    if meta_title:
        candidates.append(re.split(TITLE_SEPARATOR, meta_title.strip())[0].strip())
    try:
        tree = lxml_html.fromstring(html)
        for tag in ("h1", "h2"):
            heads = [" ".join(h.text_content().split()) for h in tree.iter(tag)]
            candidates.extend(h for h in heads[:1] if h)
    except (ValueError, lxml_html.etree.ParserError):
        pass
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
