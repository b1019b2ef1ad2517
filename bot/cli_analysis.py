"""`sovai analyze` and `sovai eval`: the analyser on files, pages and gold sets."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from bot.analysis.contract import analysis_to_contract
from bot.analysis.pipeline import analyze
from bot.articles.extract import extract_article
from bot.evaluation import MISS_KINDS, Miss, score_articles, select_lang
from bot.models import Analysis, Article, Entry
from bot.render.text import render_analysis
from bot.settings import ConfigError, FetchConfig, load_settings

__all__ = ["JsonlError", "analysis_command", "analyze_file", "evaluate", "report_page"]


class JsonlError(Exception):
    """A line of an input file that is not a JSON object."""


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                raise JsonlError(f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(doc, dict):
                raise JsonlError(f"{path}:{number}: expected a JSON object")
            yield doc


def _article(doc: Mapping[str, Any]) -> tuple[str | None, str, str | None]:
    """Title, text and language metadata of a record with `text`, or with `html` run
    through extraction (whose metadata then gives the language when `lang` does not)."""
    lang = doc.get("lang") if isinstance(doc.get("lang"), str) else None
    if doc.get("text"):
        return doc.get("title"), str(doc["text"]), lang
    html = doc.get("html") or ""
    url = str(doc.get("url") or "about:blank")
    entry = Entry(key=str(doc.get("id")), url=url, title=doc.get("title"))
    article = extract_article(str(html), url, entry, None)
    return article.title, article.text, lang or article.language


def analyze_doc(doc: Mapping[str, Any]) -> Analysis:
    title, text, lang = _article(doc)
    return analyze(title, text, language=lang)


def analyze_file(source: Path, out: TextIO) -> None:
    """One contract object per input line (DESIGN.md's analysis contract)."""
    for doc in read_jsonl(source):
        result = {"id": doc.get("id"), **analysis_to_contract(analyze_doc(doc))}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")


def evaluate(
    gold_path: Path, out: TextIO, *, misses: bool = False, lang: str | None = None
) -> None:
    """Analyse every gold article and print precision, recall and F1 for each part.

    `lang` keeps the articles of one language as score.py's `--lang` does (`other`:
    all but English); `misses` prints them first, grouped by kind."""
    gold = select_lang(read_jsonl(gold_path), lang)
    predictions = {str(g["id"]): analysis_to_contract(analyze_doc(g)) for g in gold}
    scores = score_articles(gold, predictions)
    if misses:
        out.writelines(line + "\n" for line in grouped_misses(scores.found))
    out.write(f"{'articles':22} {scores.articles}\n")
    for name, value in scores.measures().items():
        out.write(f"{name:22} {value:.3f}\n")


def grouped_misses(found: list[Miss]) -> list[str]:
    """The misses as sections, one per kind in MISS_KINDS' order, each line naming the
    article: the header counts every kind (zeros too), so a glance says where to look."""
    by_kind: dict[str, list[Miss]] = {kind: [] for kind in MISS_KINDS}
    for miss in found:
        by_kind[miss.kind].append(miss)
    counts = ", ".join(f"{kind} {len(items)}" for kind, items in by_kind.items())
    lines = [f"misses: {len(found)} ({counts})"]
    for kind, items in by_kind.items():
        if items:
            lines.append(f"\n== {kind} ({len(items)}) ==")
            lines.extend(f"  {m.article}: {m.item}" for m in items)
    lines.append("")
    return lines


def report_page(source: str, fetch: FetchConfig) -> str:
    """A readable report for one article, from a URL or an HTML file."""
    if source.startswith(("http://", "https://")):
        html, url = asyncio.run(_download(source, fetch))
    else:
        html, url = Path(source).read_bytes(), Path(source).resolve().as_uri()
    entry = Entry(key=url, url=url, title=None)
    article: Article = extract_article(html, url, entry, None)
    return render_analysis(
        article.title, url, analyze(article.title, article.text, language=article.language)
    )


async def _download(url: str, config: FetchConfig) -> tuple[bytes, str]:
    from bot.feeds.fetch import Fetcher

    fetcher = Fetcher(config)
    try:
        page = await fetcher.fetch(url)
    finally:
        await fetcher.aclose()
    return page.body, page.url


def analysis_command(args: argparse.Namespace) -> int:
    """`sovai analyze …` and `sovai eval …`; bad input is exit status 2 with a message."""
    from bot.feeds.fetch import FetchError

    try:
        if args.command == "eval":
            evaluate(args.gold, sys.stdout, misses=args.misses, lang=getattr(args, "lang", None))
        elif args.url or args.file:
            fetch = FetchConfig()
            if args.url:
                with contextlib.suppress(ConfigError):  # without a config, default limits
                    fetch = load_settings(args.config).config.fetch
            sys.stdout.write(report_page(args.url or str(args.file), fetch))
        elif args.input is None:
            print("sovai analyze: give IN.jsonl, --url URL or --file PAGE.html", file=sys.stderr)
            return 2
        elif args.output:
            with args.output.open("w", encoding="utf-8") as out:
                analyze_file(args.input, out)
        else:
            analyze_file(args.input, sys.stdout)
    except (JsonlError, OSError, FetchError) as exc:
        print(f"sovai: {exc}", file=sys.stderr)
        return 2
    return 0
