"""Hand-run benchmark: is every stage of the analysis linear in the text's length? (not a test)

    .venv/bin/python bench/attribution.py [--sizes 2000,10000,60000,200000] [--shapes a,b]

Builds invented hostile texts of each size (one sentence with no full stop ending in an
attributed quote, a long quote-heavy sentence, many short quoted sentences, Japanese and
Chinese text ending its sentences with 。！？, Japanese with no 。 at all, a run of
digits, money amounts with and without full stops) and times `analyze` on each, and
`attribution.before_spans` on the quote ending the no-stop sentence. CPU time (the
machine is shared), best of `--repeat` runs. Prints a table: milliseconds per size, and
the growth from the smallest to the largest size against the growth of the text (1.0 =
linear).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from bot.analysis.attribution import before_spans
from bot.analysis.pipeline import analyze

_FILLER = [
    "the",
    "ministry",
    "and",
    "officials",
    "added",
    "plans",
    "for",
    "national",
    "models",
    "while",
    "compute",
    "clusters",
    "would",
    "grow",
    "across",
    "regional",
    "labs",
    "and",
    "universities",
]
_TAIL = " and Minister Ana Souza said: “We will build our own national models for all.”"


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def no_stop(n: int) -> str:
    """One sentence of `n` characters without . ! ? and one quote at its end."""
    rng = random.Random(1)
    words: list[str] = []
    size = 0
    while size < n - len(_TAIL):
        words.append(rng.choice(_FILLER))
        size += len(words[-1]) + 1
    return " ".join(words)[: max(0, n - len(_TAIL))] + _TAIL


def quote_sentence(n: int) -> str:
    unit = (
        "Minister Ana Souza said the plan “will give every lab its own compute cluster "
        "soon”, and officials added “the fund will double by next spring for all” "
    )
    return _repeat(unit, n)


def many_quotes(n: int) -> str:
    unit = (
        "“We will build our own national models for every language,” said Ana Souza. "
        "The agency said: “The cluster opens next year for all researchers.” "
    )
    return _repeat(unit, n)


def japanese(n: int) -> str:
    unit = (
        "経済産業省は国産の大規模言語モデルを開発すると発表した。佐藤大臣は「日本の言葉で"
        "動くAIが必要だ」と述べた。予算は百億円となる！本当か？"
    )
    return _repeat(unit, n)


def japanese_no_stop(n: int) -> str:
    unit = (
        "経済産業省は国産モデルを開発すると発表し、佐藤大臣は「日本の言葉で動くAIが必要だ」と述べ、"
    )
    return _repeat(unit, n)


def chinese(n: int) -> str:
    unit = "科技部宣布将建设国家算力中心。王部长表示：“我们需要自己的大模型。”预算为十亿元！是吗？"
    return _repeat(unit, n)


def digits(n: int) -> str:
    rng = random.Random(2)
    return "".join(rng.choice("0123456789") for _ in range(n))


def money(n: int) -> str:
    return _repeat("$1,234,567 and €2.5 billion, ", n)


def money_sentences(n: int) -> str:
    return _repeat("The fund holds $12 billion. It buys 3,400 GPUs for 5 labs. ", n)


SHAPES: dict[str, Callable[[int], str]] = {
    "no-stop sentence + quote": no_stop,
    "one sentence of quotes": quote_sentence,
    "many quoted sentences": many_quotes,
    "Japanese 。！？": japanese,
    "Japanese no 。": japanese_no_stop,
    "Chinese 。！？": chinese,
    "digits": digits,
    "money no stop": money,
    "money sentences": money_sentences,
}


def _best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def _row(name: str, cells: list[float], sizes: list[int]) -> str:
    growth = (cells[-1] / max(cells[0], 1e-6)) / (sizes[-1] / sizes[0])
    ms = " | ".join(f"{c * 1000:9.1f}" for c in cells)
    return f"| {name:<28} | {ms} | {growth:4.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000,60000,200000")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated names")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    analyze("Warm-up", japanese(500) + "\n\n" + many_quotes(500))  # lexicons, tagger
    head = " | ".join(f"{s:>9,}" for s in sizes)
    print(f"| {'analyze, ms (CPU)':<28} | {head} | grow |")
    print("|" + "-" * 30 + "|" + "|".join("-" * 11 for _ in sizes) + "|------|")
    for name in args.shapes.split(","):
        texts = [SHAPES[name](n) for n in sizes]
        cells = [_best(lambda t=t: analyze("Invented headline", t), args.repeat) for t in texts]
        print(_row(name, cells, sizes), flush=True)
    texts = [no_stop(n) for n in sizes]
    quote_at = [t.rindex("“") for t in texts]
    cells = [
        _best(lambda t=t, q=q: [before_spans(t, 0, q) for _ in range(100)], args.repeat) / 100
        for t, q in zip(texts, quote_at, strict=True)
    ]
    print(_row("before_spans, no-stop", cells, sizes))
    print("grow: (time at largest / time at smallest) / (size ratio); 1.0 = linear")


if __name__ == "__main__":
    main()
