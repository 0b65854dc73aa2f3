"""Open rendered reports in headless Chromium: they load, show charts, and run no document script."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def dump_dom(path, profile) -> str:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
           "--dump-dom", path.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=90)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


@pytest.mark.parametrize("report", ["jinghai", "hostile"])
def test_report_loads_with_charts_and_no_document_script_runs(rendered, tmp_path, report):
    dom = dump_dom(getattr(rendered, report), tmp_path / "profile")
    title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    assert "XSS" not in title and "地区报告" in title
    assert "证据 · Evidence" in dom
    assert re.search(r'<img [^>]*src="data:image/png;base64,', dom)
    if report == "hostile":
        assert "&lt;script&gt;document.title=\"XSS\"&lt;/script&gt;" in dom  # the text is there, inert
        assert "<script" not in dom
