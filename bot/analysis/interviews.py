"""Question-and-answer interviews: answers are quotes even without quote marks.

A Q&A piece prints the interviewer's questions and the interviewee's answers as labelled
paragraphs ("Q: …" / "A: …", "Question:" / "Answer:", or the interviewee's surname as
the answer label, "Qureshi: …"). Each answer is the interviewee's own words, so it is a
direct quote. Only a text with at least two question-answer pairs is an interview: a
lone "A: …" line in ordinary prose is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.analysis.people import People

__all__ = ["Answer", "interview_answers", "interviewee"]

_LABEL = re.compile(r"^\s*(?P<label>[A-Z][\w’'-]*)\s*[:：]\s+(?P<body>\S.*)$", re.DOTALL)
_QUESTION = {"q", "question", "interviewer"}
_ANSWER = {"a", "answer"}
_MIN_WORDS = 4
_MIN_PAIRS = 2
# "We spoke to Martin Kask", "talked with", "interviewed": who is being interviewed
INTRO_VERB = re.compile(
    r"\b(?:spoke|speaks|talked|talks|sat down)\s+(?:to|with)\b|\binterview(?:ed|s)?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Answer:
    """One answer paragraph: its index, the answer text, and the label used."""

    para: int
    offset: int  # where the answer text starts inside the paragraph
    text: str
    label: str  # "A", "Answer" or a surname


def _label(paragraph: str) -> tuple[str, int, str] | None:
    match = _LABEL.match(paragraph)
    if not match:
        return None
    return match["label"], match.start("body"), match["body"].rstrip()


def interview_answers(paragraphs: Sequence[str]) -> list[Answer]:
    """The answers of a Q&A interview, in order; empty when the text is not one.

    An answer label is "A"/"Answer" or one capitalised word that always labels the
    paragraph right after a question (the interviewee's surname)."""
    labels = [_label(p) for p in paragraphs]
    answers: list[Answer] = []
    pairs = 0
    surname: str | None = None
    for i in range(1, len(paragraphs)):
        q, a = labels[i - 1], labels[i]
        if q is None or a is None or q[0].lower() not in _QUESTION:
            continue
        name = a[0]
        if name.lower() not in _ANSWER:
            if name.lower() in _QUESTION or (surname is not None and name != surname):
                continue
            surname = name
        pairs += 1
        if len(a[2].split()) >= _MIN_WORDS:
            answers.append(Answer(i, a[1], a[2], name))
    return answers if pairs >= _MIN_PAIRS else []


def interviewee(answers: Sequence[Answer], people: People, text: str, intro_end: int) -> str | None:
    """Who answers: the person the surname label names, else the person the
    introduction presents ("We spoke to Martin Kask, …"; "Sadia Qureshi heads …")."""
    label = answers[0].label if answers else "A"
    if label.lower() not in _ANSWER:
        return people.full_name(label, intro_end)
    # the interviewee is often named only once, with no verb to vouch for a person
    named = [
        r
        for r in people.mentions_in(0, intro_end)
        if not r.mention.organisation and (r.is_person or r.mention.role or " " in r.name)
    ]
    verb = INTRO_VERB.search(text, 0, intro_end)
    after = [r for r in named if verb and r.mention.start >= verb.end()]
    ranked = after + [r for r in named if r.is_person or r.mention.role] + named
    return ranked[0].name if ranked else None
