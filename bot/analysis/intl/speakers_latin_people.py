"""Who an article in a Latin-script language names, and with which roles.

Every name in the article is read once: a surname alone ("Merz", "Bara") is the person
named in full elsewhere in the text ("Friedrich Merz"), a role noun ("la ministre",
"der Konzernchef") is the person given that role, and "le ministère" is the ministry
last named. A person's role is what the text says next to the name: before it ("El
presidente del Gobierno, Pedro Sánchez", "Digitalminister Karsten Wildberger") or in an
appositive after it ("Marc Bara, profesor de OBS Business School").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.intl.quotes_lexicon import Compiled, split
from bot.analysis.intl.speakers_latin_names import Run, is_org, run_matches, run_of, strip_run

__all__ = ["Mention", "Registry", "generic_org", "role_after", "role_before", "role_key"]

_LAST_STOP = re.compile(r"[.;:!?\n~“”«»„\"()][^.;:!?\n~“”«»„\"()]*$")
_ROLE_END = re.compile(r"[,.;:!?\n~“”«»„\"()]|\s[—–]\s")
_COMMA = re.compile(r"\s*,\s*")
_JOINING = frozenset(
    split("für of for e et y und and ed chargé chargée chargés per in pour para por")
)
_KIND = re.compile(r"([^\W\d_][\w-]*)\s+$")  # the word right before a name
_BRACKET = re.compile(r"[^\S\n]*\(([^()\n,;]{2,25})\)")
_NOT_AFFILIATION = frozenset(split("ex vize vice co ko"))
_LISTED = re.compile(r"\s*[^\W\d_a-zß-ÿ]")  # "Ciência, Tecnologia e Inovação": a list


@dataclass(frozen=True)
class Mention:
    """A name as written, where it is, and what the text says it is."""

    start: int
    end: int
    name: str
    role: str | None
    person: bool
    org: bool
    kind: str = ""  # the word that introduced an organisation: "empresa" of "la empresa X"
    party: str = ""  # "Henrik Laubach (CDU)": the party or affiliation in brackets


def role_before(c: Compiled, text: str, start: int) -> str | None:
    """The role written just before a name: "la ministre du Numérique [Clara Chappaz]",
    "El presidente del Gobierno, [Pedro Sánchez]"; not "le ministre a reçu [X]"."""
    lo = max(0, start - 90)
    window = text[lo:start]
    last = _LAST_STOP.search(window)
    stop = last.start() + 1 if last else 0
    joining = c.words.particles | c.words.articles | _JOINING
    for role in c.role.finditer(window, stop):  # the first role word opens the phrase
        found = window[role.start() :].strip(" ,")
        between = found[role.end() - role.start() :].split()
        loose = [w for w in between if w[0].islower() and w.lower() not in joining]
        listed = all(_LISTED.match(found, m.end()) for m in re.finditer(",", found))
        if found and len(loose) <= 2 and len(between) <= 10 and listed:
            return found
    return None


def role_after(c: Compiled, text: str, end: int) -> str | None:
    """The appositive after a name: "[Marc Bara], profesor de OBS Business School"."""
    m = _COMMA.match(text, end)
    if m is None:
        return None
    stop = _ROLE_END.search(text, m.end())
    clause = text[m.end() : stop.start() if stop else len(text)].strip()
    words = clause.split()
    if not words or len(words) > 14 or c.verb.search(clause):
        return None
    if c.role.search(" ".join(words[:4])) is None:
        return None
    if words[0].lower() in c.words.articles and len(words) > 1:
        clause = clause.split(None, 1)[1]
    return clause if clause[0].islower() or c.role.match(clause) else None


def role_key(c: Compiled, noun: str) -> tuple[str, str]:
    """What a role noun names: an affiliation written before it ("CDU" of
    "CDU-Politiker", "grüne" of "Grünen-Chefin") and the role itself, cut to a stem
    that both genders share ("minist" of "Ministerin", "Digitalminister", "ministra")."""
    head, _, base = noun.rpartition("-")
    affiliation = ""
    if head and head[0].isupper() and head.lower() not in _NOT_AFFILIATION:
        affiliation = head.lower()[:5]
    else:
        base = noun
    base = base.lower()
    suffixes = sorted((s for s in c.words.role_suffixes if base.endswith(s)), key=len)
    if suffixes:  # "bundesdigitalminister": the role is its last part
        base = suffixes[-1]
        if base.endswith("in") and base[:-2] in c.words.role_suffixes:
            base = base[:-2]  # "ministerin", "chefin"
    return affiliation, base.rstrip("s")[:6]


def generic_org(c: Compiled, name: str) -> str | None:
    """ "Ministeriums", "ministère": an organisation word alone, not a name."""
    for form in (name, name[:-1] if name.endswith("s") else name, name[:-2]):
        if c.org.fullmatch(form):
            return form
    return None


class Registry:
    """The names of one article (its text with quotes masked)."""

    def __init__(self, c: Compiled, text: str) -> None:
        self._c = c
        self._text = text
        self.mentions: list[Mention] = []
        self._seen: dict[tuple[int, int], Mention | None] = {}
        for match in run_matches(c, text):
            company = self._company(match)
            if company is not None:
                self.mentions.append(company)
                continue
            if " " not in match.group() and not is_org(c, [match.group()]):
                continue  # a lone word names no one until an attribution does ("Merz")
            mention = self._mention(run_of(text, match), single=False)
            if mention is not None:
                self.mentions.append(mention)

    def _company(self, match: re.Match[str]) -> Mention | None:
        """A company introduced by its kind: "la empresa Datalia", "das Unternehmen
        Rechenwerk" (in German the kind is a capitalised word of the run)."""
        c, text = self._c, self._text
        words = match.group().split()
        while words and words[0] in c.words.openers:
            words.pop(0)
        if len(words) == 2 and c.kind.fullmatch(words[0]):
            end = match.end()
            return Mention(end - len(words[1]), end, words[1], None, False, True, words[0])
        kind = _KIND.search(text, max(0, match.start() - 30), match.start())
        if kind and c.kind.fullmatch(kind.group(1)) and len(words) == 1:
            return Mention(match.start(), match.end(), words[0], None, False, True, kind.group(1))
        return None

    def mention_of(self, run: Run) -> Mention | None:
        """A run found in an attribution, as the registry reads it."""
        key = (run.start, run.end)
        if key not in self._seen:
            self._seen[key] = self._mention(run, single=True)
        return self._seen[key]

    def _mention(self, run: Run, single: bool) -> Mention | None:
        """The run as a name; `single`: keep a lone word that is no organisation
        ("Merz"), which only an attribution makes a speaker."""
        c, text = self._c, self._text
        after_role = len(run.words) >= 3 and role_before(c, text, run.start) is not None
        stripped, role_words = strip_run(c, text, run, after_role)
        if stripped is None:
            return None
        tokens = stripped.tokens(text)
        org = is_org(c, tokens)
        names = [t for t in tokens if t.lower() not in c.words.particles]
        person = not org and len(names) >= 2
        if not (single or org or person):
            return None
        role = role_words or None
        if not org:
            role = (
                role or self._own_role_before(stripped.start) or role_after(c, text, stripped.end)
            )
        name = stripped.text(text)
        bracket = _BRACKET.match(text, stripped.end) if person else None
        party = bracket.group(1) if bracket else ""
        return Mention(stripped.start, stripped.end, name, role, person, org, party=party)

    def _own_role_before(self, start: int) -> str | None:
        """The role before a name, unless another person's name stands in it: in "die
        Grünen-Chefin Miriam Oswald und der Abgeordnete Jens Harder" the role is Oswald's."""
        role = role_before(self._c, self._text, start)
        if role is None:
            return None
        role_start = self._text.rfind(role, 0, start)
        if any(m.person and role_start <= m.start < start for m in self.mentions):
            return None
        return role

    def full_name(self, name: str, pos: int) -> str:
        """ "Merz" as "Friedrich Merz", the person named in full before `pos` (or after).
        A name of two words or more is already full ("Julie Marchand" is not the "Échos
        Julie Marchand" of a run that a newspaper's name ran into)."""
        if len(name.split()) > 1:
            return name
        last = name
        best: str | None = None
        for m in self.mentions:
            words = m.name.split()
            if not m.person or len(words) <= len(name.split()) or words[-1] != last:
                continue
            if not m.name.endswith(name):
                continue
            if m.start < pos or best is None:
                best = m.name
        return best or name

    def is_person(self, name: str) -> bool:
        full = self.full_name(name, len(self._text))
        return any(m.person and m.name == full for m in self.mentions)

    def role_of(self, name: str) -> str | None:
        for m in self.mentions:
            if m.name == name and m.role:
                return m.role
        return None

    def with_role(self, noun: str, pos: int) -> Mention | None:
        """The person last given a role with `noun` in it ("ministra" for "la ministra",
        "Ministerin" for "Forschungsministerin"), or, for a role with an affiliation
        ("der CDU-Politiker", "die Grünen-Chefin"), the person of that party or
        organisation ("Henrik Laubach (CDU)", "Grünen-Fraktionschefin Miriam Oswald")."""
        affiliation, key = role_key(self._c, noun)
        for m in reversed(self.mentions):
            if m.start >= pos or not m.person:
                continue
            role = (m.role or "").lower()
            if affiliation and (affiliation in role or affiliation in m.party.lower()):
                return m
            if not affiliation and key in role:
                return m
        return None

    def last_person(self, pos: int) -> Mention | None:
        for m in reversed(self.mentions):
            if m.start < pos and m.person:
                return m
        return None

    def org_named(self, noun: str, pos: int) -> str | None:
        """The organisation last named with `noun` in it: "le ministère" is the
        "Ministère de l'Économie" of the paragraph before."""
        key = noun.lower()[:6]
        for m in reversed(self.mentions):
            named = key in m.name.lower() or m.kind.lower()[:6] == key  # "la empresa X"
            if m.start < pos and m.org and named and generic_org(self._c, m.name) is None:
                return m.name
        if self._c.kind.fullmatch(noun):  # "le groupe" after "la société Numeria"
            return next((m.name for m in reversed(self.mentions) if m.kind and m.start < pos), None)
        return None
