"""Who is who in one article: full names, roles, and whom "he" or "Huang" means.

News introduces a person once in full, usually with a role ("Nvidia CEO Jensen Huang"),
then shortens: "Huang said", "Mr Rao said", "said Dewi" (Indonesian names are often
shortened to the first name), "the minister said", "he added". So every shortened
reference is resolved against the full names the article has introduced: the one
mentioned most recently before the reference, else the first one after it (a headline
may say "Huang says" before the text gives the full name).

A pronoun means the person who was last in focus: the last person named as a speaker
or as the acting subject of a sentence ("CFO Ada Okafor reasserted …" makes the next
"she said" hers, even right after Huang spoke), and so does a role acting as the subject
("The minister rejected that criticism." puts the minister in focus). Objects of
prepositions ("a meeting with Chancellor Tanaka") and names in headings or inside quotes
are never in focus.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from bot.analysis.gender import Gender, infer_genders
from bot.analysis.lexicon import AUX_WORDS, ROLE_NOUNS, SPEECH_VERBS, words
from bot.analysis.names import NameMention, name_key, name_mentions

__all__ = ["People", "Resolved"]

# "The minister rejected…", "the former president has…": a role as a sentence's subject
_ROLE_SUBJECT = re.compile(
    r"\b[Tt]he\s+(?:[A-Za-z-]+\s+){0,2}?(?P<noun>(?i:" + ROLE_NOUNS + r"))\s+(?P<verb>[a-z]+)\b"
)


# Short forms by which news refers back to a role: "the PM", "the CS", "the boss".
_ROLE_ALIASES: dict[str, tuple[str, ...]] = {
    "pm": ("prime minister",),
    "premier": ("prime minister", "premier"),
    "cs": ("cabinet secretary",),
    "executive": ("ceo", "chief executive"),
    "ceo": ("ceo", "chief executive"),
    "boss": ("ceo", "chief executive", "head", "boss", "chief"),
    "chief": ("chief", "ceo", "head"),
}
_DETERMINERS = words("the a an its his her their our this that")


def _has_role(noun: str, role: str) -> bool:
    """`role` (lowercase, padded with spaces) names the role `noun` refers to."""
    return f" {noun} " in role or any(f" {a} " in role for a in _ROLE_ALIASES.get(noun, ()))


@dataclass(frozen=True)
class Resolved:
    """A name mention resolved to the person (or organisation) it refers to."""

    mention: NameMention
    name: str  # full name, or the text as written when nobody matches
    is_person: bool
    in_focus: bool  # can be what a later "he"/"she" refers to


class People:
    """Name mentions of one article (quotes masked), resolved to full names."""

    def __init__(
        self,
        text: str,
        headings: Sequence[tuple[int, int]] = (),
        sentence_start: Callable[[int], int] = lambda pos: pos,
    ) -> None:
        self._sentence_start = sentence_start
        self._mentions = name_mentions(text)
        self._roles: dict[str, str] = {}
        # every multi-word name, and those a title, role or speech verb vouches for
        self._full: dict[frozenset[str], str] = {}
        self._vouched: set[frozenset[str]] = set()
        for mention in self._mentions:
            key = name_key(mention.name)
            if len(key) >= 2:
                self._full.setdefault(key, mention.name)
                if mention.person:
                    self._vouched.add(key)
        # "Kapoor said" vouches for the "Anil Kapoor" it shortens
        for mention in self._mentions:
            key = name_key(mention.name)
            if mention.person and len(key) == 1:
                self._vouched.update(k for k in self._full if key < k)
        # "fashion retailer Moda Brava": a name the text calls an organisation never is a
        # person, whatever verb follows it ("Moda Brava said")
        self._orgs = {name_key(m.name) for m in self._mentions if m.organisation}
        self._vouched -= self._orgs
        self._seen: list[tuple[int, str]] = []  # (position, full name) of every mention
        self._at: list[tuple[int, str]] = []  # the same, for persons only
        resolved: list[Resolved] = []
        for mention in self._mentions:
            key = name_key(mention.name)
            acronym = len(mention.name) > 1 and mention.name.isupper()
            # "NCA" is not short for "NCA-Baltic Council": acronyms stand as written
            full = None if acronym else self._match(key, mention.start)
            # a lone capitalised word that "said" is as likely a company: only a title
            # or role ("Chancellor Tanaka") makes it a person
            is_person = (full is not None and name_key(full) in self._vouched) or (
                mention.person and (len(key) > 1 or bool(mention.role))
            )
            is_person = is_person and name_key(full or mention.name) not in self._orgs
            name = full or mention.name
            self._seen.append((mention.start, name))
            if is_person:
                self._at.append((mention.start, name))
                if mention.role and name not in self._roles:
                    self._roles[name] = mention.role
            heading = any(a <= mention.start < b for a, b in headings)
            focus = is_person and mention.subject and not heading
            resolved.append(Resolved(mention, name, is_person, focus))
        self.resolved = resolved
        self._starts = [r.mention.start for r in resolved]
        self._events: list[tuple[int, str, bool]] = []  # quote speakers as they are found
        self._role_focus = self._role_subjects(text)
        persons = [
            (r.mention.start, r.mention.end, r.name, r.mention.role)
            for r in resolved
            if r.is_person
        ]
        self._gender = infer_genders(text, persons, sentence_start)

    def _fits(self, name: str | None, gender: Gender | None) -> bool:
        """`name` may be what a pronoun of `gender` refers to: unknown never rules out."""
        known = self._gender.get(name) if name else None
        return gender is None or known is None or known == gender

    def _role_subjects(self, text: str) -> list[tuple[int, str]]:
        """(position, person) of each known person referred to by role as the acting
        subject of a sentence: "The minister rejected that criticism." """
        out = []
        for match in _ROLE_SUBJECT.finditer(text):
            verb = match["verb"]
            if verb in SPEECH_VERBS or verb in AUX_WORDS or verb.endswith("ed"):
                person = self.with_role(match["noun"].lower(), match.start())
                if person:
                    out.append((match.start(), person))
        return out

    def _match(self, key: frozenset[str], pos: int) -> str | None:
        """The full name `key` is part of (a person's rather than a company's): the one
        mentioned last before `pos`, else the first."""
        if not key:
            return None
        keys = [k for k in self._full if key <= k]
        keys = [k for k in keys if k in self._vouched] or keys
        if len(keys) <= 1:
            return self._full[keys[0]] if keys else None
        names = {self._full[k] for k in keys}
        before = [n for p, n in self._seen if p < pos and n in names]
        return before[-1] if before else self._full[keys[0]]

    def full_name(self, name: str, pos: int) -> str:
        """`name` as the article's full name for that person ("Huang" → "Jensen Huang")."""
        return self._match(name_key(name), pos) or name

    def role(self, name: str | None) -> str | None:
        """The role the text gives the person, if any."""
        return self._roles.get(name) if name else None

    def is_person(self, name: str) -> bool:
        return name in self._roles or any(name == n for _, n in self._at)

    def mentions_in(self, start: int, end: int) -> list[Resolved]:
        """Resolved mentions inside [start, end)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [r for r in self.resolved[lo:hi] if r.mention.end <= end]

    def mentions_before(self, pos: int) -> Iterator[Resolved]:
        """Resolved mentions ending by `pos`, the nearest first: read lazily, as far back
        as a caller needs, so a look-back costs what it reads, not the article."""
        for i in range(bisect.bisect_left(self._starts, pos) - 1, -1, -1):
            if self.resolved[i].mention.end <= pos:
                yield self.resolved[i]

    def record(self, pos: int, speaker: str, is_person: bool) -> None:
        """Remember who spoke at `pos`: quotes are resolved in text order."""
        self._events.append((pos, speaker, is_person))

    def in_focus(self, pos: int) -> str | None:
        """Whom "he"/"she" at `pos` refers to: the person last in focus before it.

        Within one sentence the speaker, else the first subject, is in focus: in "Doe
        said Smith had approved it", a following "he said" is still Doe's.
        """
        return self.focus(pos)[1]

    def focus(self, pos: int, gender: Gender | None = None) -> tuple[int, str | None]:
        """Where and who is in focus at `pos` (see `in_focus`); -1 when nobody is. With
        `gender` ("he" → "m"), the latest person the text does not show otherwise."""
        best_pos, best = -1, None
        focus = [
            r
            for r in self.resolved[: bisect.bisect_left(self._starts, pos)]
            if r.in_focus and self._fits(r.name, gender)
        ]
        if focus:
            sentence = self._sentence_start(focus[-1].mention.start)
            same = [r for r in focus if r.mention.start >= sentence]
            pick = next((r for r in same if r.mention.speaks), same[0])
            best_pos, best = focus[-1].mention.start, pick.name
        for at, person in reversed(self._role_focus):
            if at < pos and self._fits(person, gender):
                if at > best_pos:
                    best_pos, best = at, person
                break
        for at, speaker, is_person in reversed(self._events):
            if at < pos and is_person and self._fits(speaker, gender):
                if at > best_pos:
                    best_pos, best = at, speaker
                break
        if best is None and gender is not None:  # nobody fits: a signal may mislead
            return self.focus(pos)
        return best_pos, best

    def last_speaker(self, pos: int, persons: bool = True) -> str | None:
        """Who spoke last before `pos`, for a quote that stands alone in its paragraph:
        by convention it continues the previous speaker's words. With `persons` False,
        only an organisation counts ("…,” it said")."""
        found = self.last_spoke(pos, persons)
        return found[1] if found else None

    def last_spoke(self, pos: int, persons: bool = True) -> tuple[int, str] | None:
        """Where and who spoke last before `pos` (see `last_speaker`)."""
        best_pos, best = -1, None
        for r in reversed(self.resolved[: bisect.bisect_left(self._starts, pos)]):
            if persons and r.in_focus and r.mention.speaks:
                best_pos, best = r.mention.start, r.name
                break
        for at, speaker, is_person in reversed(self._events):
            if at < pos and (persons or not is_person):
                if at > best_pos:
                    best_pos, best = at, speaker
                break
        return (best_pos, best) if best is not None else None

    def with_role(self, noun: str, pos: int, qualifiers: Sequence[str] = ()) -> str | None:
        """The person last mentioned before `pos` whose role has `noun` ("the minister"),
        or one of its short forms ("the PM", "the chief executive"); with `qualifiers`
        ("the IT minister") one whose role has those words too, if anyone's has."""
        wanted = [q.lower() for q in qualifiers if q.lower() not in _DETERMINERS]
        fallback = None
        for at, name in reversed(self._at):
            role = " " + self._roles.get(name, "").lower().replace(",", " ") + " "
            if at >= pos or not _has_role(noun, role):
                continue
            if all(f" {q} " in role for q in wanted):
                return name
            fallback = fallback or name
        return fallback
