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
from bot.wording import counted, os_problem

__all__ = [
    "JsonlError",
    "analysis_command",
    "analyze_file",
    "evaluate",
    "read_jsonl",
    "read_lines",
    "report_page",
]


class JsonlError(Exception):
    """A line of an input file that is not a record to analyse."""


_OPTIONAL_TEXT = ("title", "text", "html", "url", "lang")


def read_lines(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """Each non-blank line's number with its record, or with why it is not one; a bad
    line never stops the lines after it."""
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, f"not UTF-8 text (byte {exc.start + 1} of the line)"
                continue
            if line.strip():
                yield number, _record(line)


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a file that must be sound throughout (a gold set): JsonlError,
    naming the file and line, at the first that is not."""
    for number, found in read_lines(path):
        if isinstance(found, str):
            raise JsonlError(f"{path}:{number}: {found}")
        yield found


def _record(line: str) -> dict[str, Any] | str:
    """The line's record for the analysis contract, or why it cannot be analysed."""
    try:
        doc = json.loads(line.rstrip("\r\n"))  # a column past the end is still this line
    except json.JSONDecodeError as exc:
        reason = exc.msg[:1].lower() + exc.msg[1:]
        return f"not JSON: {reason} at column {exc.colno}"
    if not isinstance(doc, dict):
        return f'expected a JSON object such as {{"id": "1", "text": "…"}}, got {_kind(doc)}'
    for key in _OPTIONAL_TEXT:
        if doc.get(key) is not None and not isinstance(doc[key], str):
            return f"{key!r} should be a string or null, got {_kind(doc[key])}"
    if "id" in doc and (isinstance(doc["id"], bool) or not isinstance(doc["id"], str | int)):
        return f"'id' should be a string or a number, got {_kind(doc['id'])}"
    if not (doc.get("text") or "").strip() and not (doc.get("html") or "").strip():
        return "nothing to analyse: no 'text' or 'html'"
    return doc


def _kind(value: Any) -> str:
    """A JSON value's kind as JSON calls it, with a glimpse of a short one."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"a string ({value[:40]!r})"
    return "an array" if isinstance(value, list) else "an object"


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


def analyze_file(source: Path, out: TextIO, problems: TextIO) -> tuple[int, int]:
    """One contract object per good input line (DESIGN.md's analysis contract); each bad
    line is reported on `problems` with its number and reason, and the rest go on.

    Returns (records analysed, lines refused)."""
    done = refused = 0
    for number, found in read_lines(source):
        if isinstance(found, str):
            print(f"sovai: {source}:{number}: {found}", file=problems)
            refused += 1
            continue
        try:
            analysis = analyze_doc(found)
        except Exception as exc:  # a bug met on one article: the others still get analysed
            print(f"sovai: {source}:{number}: the analyser failed: {exc!r}", file=problems)
            refused += 1
            continue
        result = {"id": found.get("id"), **analysis_to_contract(analysis)}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        done += 1
    return done, refused


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
    """`sovai analyze …` and `sovai eval …`: 2 for input that cannot be read at all, 1 when
    some lines of a JSONL input could not be analysed (each reported), else 0."""
    from bot.feeds.fetch import FetchError

    try:
        if args.command == "eval":
            evaluate(args.gold, sys.stdout, misses=args.misses, lang=getattr(args, "lang", None))
        elif args.url and not args.url.startswith(("http://", "https://")):
            print(
                f"sovai analyze: --url expects an http:// or https:// URL, got {args.url[:80]!r}",
                file=sys.stderr,
            )
            return 2
        elif args.url or args.file:
            fetch = FetchConfig()
            if args.url:
                with contextlib.suppress(ConfigError):  # without a config, default limits
                    fetch = load_settings(args.config).config.fetch
            sys.stdout.write(report_page(args.url or str(args.file), fetch))
        elif args.input is None:
            print("sovai analyze: give IN.jsonl, --url URL or --file PAGE.html", file=sys.stderr)
            return 2
        else:
            return _analyze_jsonl(args.input, args.output)
    except OSError as exc:
        print(f"sovai: {os_problem(exc, 'read')}", file=sys.stderr)
        return 2
    except (JsonlError, FetchError) as exc:
        print(f"sovai: {exc}", file=sys.stderr)
        return 2
    return 0


def _analyze_jsonl(source: Path, output: Path | None) -> int:
    source.open("rb").close()  # unreadable: said before an output file is made
    if output is not None and output.exists() and output.samefile(source):
        print(f"sovai: {output} is the input file: write the analysis elsewhere", file=sys.stderr)
        return 2
    if output is None:
        done, refused = analyze_file(source, sys.stdout, sys.stderr)
    else:
        try:
            out = output.open("w", encoding="utf-8")
        except OSError as exc:
            print(f"sovai: {os_problem(exc, 'write', output)}", file=sys.stderr)
            return 2
        with out:
            done, refused = analyze_file(source, out, sys.stderr)
        print(f"{counted(done, 'article')} analysed → {output}")
    if refused:
        print(
            f"sovai: {counted(refused, 'line')} of {source} could not be analysed (see above)",
            file=sys.stderr,
        )
        return 1
    return 0
