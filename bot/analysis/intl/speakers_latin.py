"""From the words naming a quote's speaker to a speaker, in Latin-script languages.

The engine (quotes_latin.py) finds where the attribution is; this module reads it. After
a verb the speaker comes first ("declara Marc Bara, profesor de …", "sagte die
Ministerin", "dijo el ministro de Economía, Ana Ruiz"); before a verb the subject is
the clause nearest the verb that is not an appositive or a relative clause ("Juan
Moreno, director de X, señala que", "Merz, der seit Mai regiert, sagte"). A pronoun
("il", "er") or a verb with no subject at all ("…”, añade.") is the last speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.analysis.intl.quotes_core import Found, History
from bot.analysis.intl.quotes_lexicon import Compiled, split
from bot.analysis.intl.speakers_latin_names import Run, name_runs
from bot.analysis.intl.speakers_latin_orgs import (
    CIRCUMSTANCE,
    capitalised_after,
    nominative,
    org_phrase,
    org_tail,
    past_addressee,
    segments,
)
from bot.analysis.intl.speakers_latin_people import Registry, generic_org

__all__ = ["Hit", "LatinSpeakers"]

# words after which a name is an affiliation or a portfolio, not the speaker
_GOVERNING = frozenset(
    split(
        """de du des del della dello dei degli da do dos das von vom zu zur zum für bei of at
    chez pour por para per con mit avec with in en em à au aux nel nella im am d' d’"""
    )
)


_JOINS = frozenset(
    split("e et y und and ed l' l’ d' d’ para per pour für por of for chargé chargée à au")
)
_COMMON_NOUN = re.compile(r"^[^\W\d_]{3,}(?:ung|heit|keit|schaft|tion|tät|nis|ismus|ität)$")


@dataclass(frozen=True)
class Hit:
    """What an attribution names: `kind` is person, org, orgref (an organisation by a
    noun: "le ministère"), role ("la ministra"), pronoun, or empty (no subject)."""

    kind: str
    name: str | None = None
    role: str | None = None
    voice: bool = False  # a spokesperson: a person speaking for the organisation
    back: bool = False  # "der Minister", "la ministra": someone the article has named


class LatinSpeakers:
    """Speaker reading for one article (its text with quotes masked)."""

    def __init__(self, c: Compiled, text: str) -> None:
        self._c = c
        self._text = text
        self.registry = Registry(c, text)

    def _governed(self, a: int, run_start: int) -> bool:
        before = [w.lower() for w in self._text[a:run_start].split()]
        if before and before[-1] in ("l'", "l’"):  # "de l'Économie"
            before.pop()
        return bool(before) and before[-1] in _GOVERNING

    def segment(self, a: int, b: int) -> Hit | None:
        """What one comma-free piece of an attribution names."""
        c, text = self._c, self._text
        seg = text[a:b].strip()
        words = seg.split()
        if not words:
            return None
        if words[0].lower() in c.words.pronouns and len(words) <= 3:
            return Hit("pronoun")
        spokes = c.spokes.search(seg) or c.statement.search(seg)
        lead = seg[: spokes.start()].split() if spokes else []
        # "un porte-parole du ministère", "eine Mitteilung des Konzerns", "in einer
        # Erklärung der Länder", "dans un communiqué de l'Inria"
        if spokes and (len(lead) <= 1 or (len(lead) <= 3 and lead[0].lower() in _GOVERNING)):
            voice = c.spokes.match(spokes.group()) is not None
            return self._issuer(a + seg.index(spokes.group()) + len(spokes.group()), b, voice)
        role = c.role.search(text, a, b)
        runs = name_runs(c, text, a, b)
        head = self.registry.mention_of(runs[0]) if runs else None
        lead = text[a : runs[0].start].split() if runs else []
        if head is not None and head.org and all(w.lower() in c.words.articles for w in lead):
            return self._org_hit(head.start, head.end, b)  # "O Ministério da …"
        person = self._person(a, runs, role)
        if person is not None:
            return person
        if role:
            phrase = self._role_phrase(role.start(), b)
            back = phrase == role.group() and self._definite(a, role.start())
            return Hit("role", role.group(), phrase, back=back)
        return self._organisation(a, b, runs)

    def _definite(self, a: int, role_start: int) -> bool:
        """ "der Minister", "die frühere Ministerin", "l'ancien ministre": a role with
        the definite article and nothing else is someone the reader already knows."""
        before = self._text[a:role_start].split()
        if not before:
            return False
        first = before[0].lower()
        elided = first[:2] in ("l'", "l’") and len(before) == 1
        return elided or (first in self._c.words.definite and all(w.islower() for w in before))

    def _person(self, a: int, runs: list[Run], role: re.Match[str] | None) -> Hit | None:
        """The first run in a segment that names a person, not an affiliation."""
        for run in runs:
            mention = self.registry.mention_of(run)
            if mention is None or mention.org:
                continue
            single = not mention.person
            if single and self._c.org_suffix and _COMMON_NOUN.search(mention.name):
                continue  # "Erklärung", "Regierung": a German noun, not a surname
            whole = mention.start == run.start  # nothing stripped: no portfolio before it
            governed = self._governed(a, run.start) and (whole or single)
            if governed or (single and self._org_named(a, run.start)):
                continue  # "directeur de Lumen", "secretario de Estado", "associação Softex"
            if role and role.start() <= mention.start < role.end():
                continue  # "le Premier ministre": a word of the role
            if single and role and role.end() < run.start and not self._next_to(role, run):
                continue  # "el presidente de la asociación Softex": the role's complement
            return Hit("person", mention.name, mention.role)
        return None

    def _organisation(self, a: int, b: int, runs: list[Run]) -> Hit | None:
        """An organisation named ("Rechenzentrum Jülich") or referred to ("le
        ministère de l'Économie", "das Ministerium")."""
        c, text = self._c, self._text
        for run in runs:
            mention = self.registry.mention_of(run)
            if mention is not None and mention.org:
                return self._org_hit(mention.start, mention.end, b)
        org = c.org.search(text, a, b)
        if org is None:
            return None
        phrase = org_phrase(c, text, org.start(), b)  # "le ministère de l'Économie"
        named = capitalised_after(phrase, len(org.group()))
        return Hit("orgref", org.group(), phrase if named else None)

    def _org_hit(self, start: int, end: int, limit: int, voice: bool = False) -> Hit:
        """The organisation named from `start` ("Rechenzentrum Jülich", "Ministerio para
        la Transformación Digital", "le Centre national de calcul", whose name goes on
        in lower case), or one referred to by its kind alone ("das Ministerium")."""
        c, text = self._c, self._text
        tail = org_tail(text, end, limit)
        noun = generic_org(c, text[start:end])
        if noun is not None and not tail:
            phrase = org_phrase(c, text, start, limit)
            generic = phrase == text[start:end]
            return Hit("orgref", noun, voice=voice) if generic else Hit("org", phrase, voice=voice)
        return Hit("org", nominative(c, text[start:end]) + tail, voice=voice)

    def _org_named(self, a: int, run_start: int) -> bool:
        before = self._text[a:run_start].split()
        return bool(before) and self._c.org.fullmatch(before[-1]) is not None

    def _next_to(self, role: re.Match[str], run: Run) -> bool:
        """ "le ministre Dupont", "Ministerin Bär": the name right after the role."""
        return not self._text[role.end() : run.start].strip()

    def _role_phrase(self, a: int, b: int) -> str:
        """A role up to the first word that is not part of it: "ministra" of "ministra
        durante a cerimônia", "ministre de l'Économie" as a whole."""
        role = self._c.role.match(self._text, a, b)
        head = role.group() if role else self._text[a:b].split()[0]
        words = self._text[a + len(head) : b].split()
        w = self._c.words
        joining = w.particles | w.articles | _JOINS
        keep = [head]
        for i, word in enumerate(words):
            lower = word.lower()
            if lower in CIRCUMSTANCE or word.capitalize() in w.days or lower in w.relatives:
                break  # "durante a cerimônia", "lors d'un déplacement", "am Montag"
            after_of = i > 0 and words[i - 1].lower() in joining
            if word[0].islower() and lower not in joining and not after_of:
                break
            keep.append(word)
        while len(keep) > 1 and keep[-1].lower() in joining:
            keep.pop()
        return " ".join(keep)

    def _issuer(self, a: int, b: int, voice: bool) -> Hit:
        """The organisation a spokesperson or a statement speaks for: one named ("der
        Deutschen Bahn"), or one referred to ("des Ministeriums": the ministry)."""
        for run in name_runs(self._c, self._text, a, b):
            mention = self.registry.mention_of(run)
            if mention is not None:
                return self._org_hit(mention.start, mention.end, b, voice)
        org = self._c.org.search(self._text, a, b)
        return Hit("orgref", org.group() if org else None, voice=voice)

    def after_verb(self, a: int, b: int) -> Hit | None:
        """The speaker named after a verb of saying, up to the end of its clause; whom
        the words were said to comes first in some ("dijo a EFE Ana Ruiz", "a déclaré à
        l'AFP", "ha detto all'ANSA") and is not the speaker."""
        told = self._c.addressee.match(self._text, a, b) if self._c.addressee else None
        run = self._c.runs.match(self._text, told.end(), b) if told else None
        if run is not None:
            a = past_addressee(run)
            if not self._text[a:b].strip(" ,"):
                return Hit("empty")
        pieces = segments(self._text, a, b)[:3]
        for i, (x, y) in enumerate(pieces):
            hit = self.segment(x, y)
            if hit is None:
                return None
            if hit.kind == "role" and i + 1 < len(pieces):  # "el ministro de X, Ana Ruiz"
                nxt = self.segment(*pieces[i + 1])
                if nxt is not None and nxt.kind == "person":
                    return Hit("person", nxt.name, self._role_text(hit))
            return hit
        return None

    def subject(self, a: int, b: int) -> Hit | None:
        """The subject of a verb of saying: the clause nearest the verb that is neither
        an appositive ("profesor de X") nor a relative clause ("qui dirige X")."""
        pieces = segments(self._text, a, b)
        skipped_role: str | None = None
        for i in range(len(pieces) - 1, -1, -1):
            x, y = pieces[i]
            if self._aside(self._text[x:y].split()):
                skipped_role = skipped_role or self._text[x:y].strip()
                continue
            hit = self.segment(x, y)
            if hit is not None and hit.kind == "role" and i > 0:
                earlier = self.segment(*pieces[i - 1])  # "Clara Chappaz, la ministre, a dit"
                if earlier is not None and earlier.kind == "person":
                    return Hit("person", earlier.name, earlier.role or self._role_text(hit))
            if hit is not None and hit.kind == "person" and not hit.role and skipped_role:
                return Hit("person", hit.name, skipped_role)
            return hit
        return None

    def _aside(self, words: list[str]) -> bool:
        """An appositive or relative clause between a subject and its verb."""
        w = self._c.words
        first = words[0]
        if first[0].isupper() or first.lower() in w.pronouns:
            return False
        if first.lower() in w.articles:
            relative = first.lower() in w.relatives and len(words) > 1 and words[1][0].islower()
            return relative and self._c.role.search(" ".join(words[1:3])) is None
        return True

    def _role_text(self, hit: Hit) -> str | None:
        phrase = hit.role or ""
        first = phrase.split(None, 1)
        if first and first[0].lower() in self._c.words.articles and len(first) > 1:
            return first[1]
        return phrase or None

    def _in_focus(self, pos: int, history: History) -> Found | None:
        """The person the article is about at `pos`: the last one named or quoted."""
        spoke = history.last_at(pos, persons=True)
        mention = self.registry.last_person(pos)
        if mention is not None and (spoke is None or spoke[0] < mention.start):
            return Found(mention.name, mention.role, True)
        return spoke[1] if spoke else None

    def resolve(self, hit: Hit, pos: int, history: History) -> Found | None:
        """The speaker a hit means, from what the article has said before `pos`."""
        reg = self.registry
        if hit.kind == "person" and hit.name:
            full = reg.full_name(hit.name, pos)
            return Found(full, hit.role or reg.role_of(full), True)
        if hit.kind == "org" and hit.name:
            return Found(hit.name, None, hit.voice)
        if hit.kind == "orgref":  # "le ministère de l'Économie", else the one named before
            if hit.role:
                return Found(hit.role[0].upper() + hit.role[1:], None, hit.voice)
            named = reg.org_named(hit.name, pos) if hit.name else None
            last = history.last(pos)
            if named is None and last is not None and not last.is_person:
                return replace(last, is_person=hit.voice)
            name = named or hit.name
            return Found(name, None, hit.voice) if name else None
        if hit.kind == "role" and hit.name:
            person = reg.with_role(hit.name, pos)
            if person is not None:
                return Found(person.name, person.role, True)
            focus = self._in_focus(pos, history) if hit.back else None
            return focus or Found(self._role_text(hit) or hit.name, None, True)
        last = history.last(pos, persons=hit.kind == "pronoun")
        if last is not None:
            return last
        mention = reg.last_person(pos)
        return Found(mention.name, mention.role, True) if mention else None
