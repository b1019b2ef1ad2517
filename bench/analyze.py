"""Benchmark: analyse 1,000 articles of ~2,000 characters on one core, in English and
then 1,000 in the other languages with rules of their own (bench/intl_templates.py).

Run by hand: `.venv/bin/python bench/analyze.py`. Articles are generated from invented
sentences (shuffled, with countries, people and numbers swapped), so the analyser meets
quotes, figures and countries as in real news. Goal: >= 200 articles/s for each of
English and the other languages, and < 300 MB peak RSS (see bench/README.md).
"""

from __future__ import annotations

import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import intl_templates as intl  # noqa: E402
from bot.analysis.language import preload  # noqa: E402
from bot.analysis.pipeline import analyze  # noqa: E402

COUNTRIES = ["Japan", "India", "Kenya", "Brazil", "France", "Indonesia", "Canada", "Vietnam"]
PEOPLE = ["Aiko Mori", "Ravi Menon", "Grace Wanjiru", "Lucas Prado", "Claire Dubois"]
TEMPLATES = [
    "{c}'s government said on {d} it will build a national AI supercomputer for researchers.",
    "The ministry will spend {n} billion {cur} on the cluster, which will hold about {g},000 GPUs.",
    '"We cannot leave our language and data to others," digital minister {p} told reporters.',
    '"This machine is for every university and startup in {c}," {s} added.',
    "The plan is part of a national AI strategy that also funds training for {k},000 engineers.",
    "Officials said the first {m} megawatts of capacity would be ready within {a}-{b} months.",
    "Shares of local chipmakers rose {pc}% after the announcement in the capital.",
    "{p}, who leads the programme, said the country would train models in local languages.",
    "Critics said the {n} billion {cur} budget was too small for a sovereign AI effort.",
    "The data centre will be built near the coast and run on renewable power, officials said.",
]


def article(rng: random.Random) -> tuple[str, str]:
    country = rng.choice(COUNTRIES)
    person = rng.choice(PEOPLE)
    paras = []
    while sum(len(p) for p in paras) < 2000:
        template = rng.choice(TEMPLATES)
        paras.append(
            template.format(
                c=country,
                d=rng.choice(["Monday", "Tuesday", "Friday"]),
                n=rng.randint(2, 900),
                cur=rng.choice(["yen", "rupees", "euros", "dollars", "reais"]),
                g=rng.randint(1, 40),
                p=person,
                s=rng.choice(["he", "she", person.split()[-1]]),
                k=rng.randint(1, 9),
                m=rng.randint(10, 500),
                a=rng.randint(6, 12),
                b=rng.randint(13, 36),
                pc=rng.randint(1, 40),
            )
        )
    return f"{country} plans national AI supercomputer", "\n".join(paras)


def article_in(lang: str, rng: random.Random) -> tuple[str, str]:
    """An article in `lang`; Japanese and Korean carry more per character, so ~900."""
    country = rng.choice(intl.COUNTRIES[lang])
    person = rng.choice(intl.PEOPLE[lang])
    size = 900 if lang in ("ja", "ko") else 2000
    paras: list[str] = []
    while sum(len(p) for p in paras) < size:
        paras.append(
            rng.choice(intl.TEMPLATES[lang]).format(
                c=country,
                d=rng.choice(intl.DAYS[lang]),
                n=rng.randint(2, 900),
                g=rng.randint(1, 40),
                p=person,
                m=rng.randint(10, 500),
                a=rng.randint(2, 18),
                pc=rng.randint(1, 40),
            )
        )
    return intl.TITLES[lang].format(c=country, n=rng.randint(2, 900)), "\n".join(paras)


def run(label: str, articles: list[tuple[str, str]]) -> None:
    chars = sum(len(text) for _, text in articles) / len(articles)
    analyze(*articles[0])  # warm caches (compiled patterns, gazetteer, rates, tokenizer)
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    for title, text in articles:
        analyze(title, text)
    wall, cpu = time.perf_counter() - start_wall, time.process_time() - start_cpu
    print(f"{label}: {len(articles)} articles of {chars:.0f} characters on average")
    print(f"  wall: {wall:.2f} s, cpu: {cpu:.2f} s, {len(articles) / wall:.0f} articles/s")


def main() -> None:
    rng = random.Random(7)
    langs = sorted(intl.TEMPLATES)
    start = time.perf_counter()
    preload()  # the language model and each language's patterns load once per process
    for lang in langs:
        analyze(*article_in(lang, rng))
    print(f"loading the models and patterns: {time.perf_counter() - start:.2f} s, once")
    run("English", [article(rng) for _ in range(1000)])
    run("other languages", [article_in(langs[i % len(langs)], rng) for i in range(1000)])
    for lang in langs:
        run(f"  {lang}", [article_in(lang, rng) for _ in range(200)])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
