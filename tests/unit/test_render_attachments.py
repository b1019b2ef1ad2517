"""File names and limits of the files a reply carries (bot/render/attachments.py)."""

from __future__ import annotations

import re

import pytest

from bot.models import Attachment
from bot.render.attachments import (
    NAME_MAX,
    attachment_noun,
    fit_files,
    not_attached,
    safe_filename,
    safe_filenames,
    size_label,
)
from bot.render.slack_blocks import BLOCKS_MAX, with_note

SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def png(name: str = "chart.png", size: int = 10) -> Attachment:
    return Attachment(name, b"\x89PNG" + b"x" * max(size - 4, 0), "image/png", "Chart")


def csv(name: str = "export.csv", size: int = 10) -> Attachment:
    return Attachment(name, b"a" * size, "text/csv", "Export")


@pytest.mark.parametrize(
    ("name", "mime", "expected"),
    [
        ("chart.png", "image/png", "chart.png"),
        ("../../etc/passwd", "text/csv", "passwd.csv"),
        ("C:\\Users\\me\\report.csv", "text/csv", "report.csv"),
        ("/abs/path/jp-usd.PNG", "image/png", "jp-usd.png"),
        (".hidden.png", "image/png", "hidden.png"),
        ("chart.exe", "image/png", "chart.exe.png"),
        ("bell\x07and\x1bescape\x00.png", "image/png", "bell_and_escape.png"),
        ("Japan & Korea (2025).csv", "text/csv", "Japan_Korea_2025.csv"),
        ("Åland Ünïcode.png", "image/png", "Aland_Unicode.png"),
        ("日本.png", "image/png", "chart.png"),
        ("", "text/csv", "file.csv"),
        ("...", "image/png", "chart.png"),
        ("-rf.csv", "text/csv", "rf.csv"),
        ("notes", "application/x-unknown", "notes"),
        ("data.tar.gz", "application/gzip", "data.tar.gz"),
        ("a\u202egnp.exe", "image/png", "agnp.exe.png"),
    ],
)
def test_hostile_names_become_safe_ones(name: str, mime: str, expected: str) -> None:
    assert safe_filename(name, mime) == expected


@pytest.mark.parametrize(
    "name",
    ["x" * 300 + ".png", "/" * 300, "a/" * 150 + "b.png", "\n" * 300, "é" * 300 + ".png"],
)
def test_long_names_are_cut_and_keep_their_extension(name: str) -> None:
    safe = safe_filename(name, "image/png")
    assert len(safe) <= NAME_MAX and safe.endswith(".png") and SAFE.match(safe)


def test_names_are_unique_within_a_reply_whatever_the_case() -> None:
    files = [png("chart.png"), png("Chart.png"), png("a/chart.png"), csv("chart.png")]
    assert safe_filenames(files) == ["chart.png", "Chart-2.png", "chart-3.png", "chart.png.csv"]


def test_files_within_limits_are_kept_in_order_and_the_others_said() -> None:
    files = [png("a.png", 50), png("huge.png", 500), csv("b.csv", 40), csv("c.csv", 40)]
    fitted = fit_files(files, max_files=10, max_file_bytes=100, max_total_bytes=120)
    assert [f.filename for f in fitted.kept] == ["a.png", "b.csv"]
    assert [f.filename for f in fitted.dropped] == ["huge.png", "c.csv"]
    assert fitted.reason == "500 bytes is over the 100 bytes upload limit"
    counted = fit_files([csv(str(i)) for i in range(12)], max_files=10, **_big())
    assert len(counted.kept) == 10 and len(counted.dropped) == 2
    assert counted.reason == "at most 10 files go with one message"
    assert fit_files([], max_files=10, **_big()).kept == ()


def _big() -> dict[str, int]:
    return {"max_file_bytes": 10**9, "max_total_bytes": 10**9}


def test_the_sentence_says_what_is_missing_and_why() -> None:
    assert attachment_noun([png()]) == "chart"
    assert attachment_noun([png(), png()]) == "charts"
    assert attachment_noun([png(), csv()]) == "files"
    assert not_attached([png()], "Slack refused the upload") == (
        "The chart could not be attached: Slack refused the upload."
    )
    assert not_attached([csv(), csv()], "too big") == "2 files could not be attached: too big."
    assert not_attached([csv()], "too big", some=True) == "1 file could not be attached: too big."
    assert size_label(26_214_400) == "26.2 MB" and size_label(8_000_000) == "8 MB"
    assert size_label(900) == "900 bytes" and size_label(120_000) == "120 KB"


def test_a_note_joins_the_last_slack_message_or_takes_a_place() -> None:
    one = [{"text": "t", "blocks": [{"type": "header"}]}]
    (joined,) = with_note(one, "📎 here", 5)
    assert joined["blocks"][-1]["elements"][0]["text"] == "📎 here"
    assert one[0]["blocks"] == [{"type": "header"}]  # the input is left alone
    full = [{"text": "t", "blocks": [{"type": "divider"}] * BLOCKS_MAX}]
    assert len(with_note(full, "note", 5)) == 2
    (replaced,) = with_note(full, "note", 1)
    assert len(replaced["blocks"]) == BLOCKS_MAX and replaced["blocks"][-1]["type"] == "context"
    (alone,) = with_note([], "note", 1)
    assert alone["blocks"][0]["type"] == "context"
