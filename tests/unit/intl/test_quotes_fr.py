"""French quotes and speakers, on invented news snippets (agency, ministry, tech-site style)."""

from __future__ import annotations

import pytest

from bot.analysis.intl.quotes import extract_quotes_in
from bot.analysis.pipeline import analyze
from bot.analysis.sentences import paragraphs


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes_in("fr", paragraphs(text))]


def roles(text: str) -> list[str | None]:
    return [q.role for q in extract_quotes_in("fr", paragraphs(text))]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "« Nous devons maîtriser nos propres capacités de calcul », a déclaré "
            "Claire Vasseur mardi à Lyon.",
            "Claire Vasseur",
        ),
        (
            "« Ce calculateur changera la recherche française », estime Julien Marchetti, "
            "directeur de l'Institut national du calcul.",
            "Julien Marchetti",
        ),
        (
            "« Les laboratoires pourront réserver des heures dès janvier », a précisé "
            "le professeur Étienne Roussel lors d'une conférence de presse.",
            "Étienne Roussel",
        ),
        (
            "« Il était temps que l'Europe se dote d'un tel outil », souligne Nadia Benali, "
            "économiste chez Orféo Conseil.",
            "Nadia Benali",
        ),
    ],
)
def test_verb_and_speaker_after_the_quote(text: str, speaker: str) -> None:
    assert [s for _, s in quotes(text)] == [speaker]


def test_role_from_the_appositive_after_the_name() -> None:
    text = (
        "« Ce calculateur changera la recherche française », estime Julien Marchetti, "
        "directeur de l'Institut national du calcul."
    )
    assert roles(text) == ["directeur de l'Institut national du calcul"]


@pytest.mark.parametrize(
    "follow",
    [
        "« Les premiers projets seront retenus avant l'été », a-t-elle ajouté.",
        "« Les premiers projets seront retenus avant l'été », précise-t-elle.",
        "« Les premiers projets seront retenus avant l'été », poursuit-elle.",
        "« Les premiers projets seront retenus avant l'été », a-t-elle insisté devant les élus.",
    ],
)
def test_inverted_pronoun_is_the_previous_speaker(follow: str) -> None:
    text = (
        "« Nous ouvrirons le supercalculateur à toutes les universités », a déclaré "
        "la ministre Claire Vasseur.\n" + follow
    )
    assert [s for _, s in quotes(text)] == ["Claire Vasseur", "Claire Vasseur"]


@pytest.mark.parametrize(
    "text",
    [
        "Selon Sophie Laurent, « ce n'est qu'un premier pas vers l'autonomie numérique ».",
        "D'après Sophie Laurent, « ce n'est qu'un premier pas vers l'autonomie numérique ».",
        "Pour Sophie Laurent, chercheuse au CNRS, « ce n'est qu'un premier pas vers "
        "l'autonomie numérique ».",
        "Sophie Laurent : « Ce n'est qu'un premier pas vers l'autonomie numérique. »",
        "Sophie Laurent estime que « ce n'est qu'un premier pas vers l'autonomie numérique ».",
        "Sophie Laurent, chercheuse au CNRS, a déclaré : « Ce n'est qu'un premier pas vers "
        "l'autonomie numérique. »",
    ],
)
def test_speaker_before_the_quote(text: str) -> None:
    assert [s for _, s in quotes(text)] == ["Sophie Laurent"]


def test_colon_closing_the_paragraph_announces_the_next() -> None:
    text = (
        "Interrogé par nos soins, Marc Delorme, patron de la start-up Calculia, a déclaré :\n"
        "« Nous attendions ce guichet depuis trois ans, il arrive enfin. »"
    )
    assert quotes(text) == [
        ("Nous attendions ce guichet depuis trois ans, il arrive enfin.", "Marc Delorme")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Le ministère de l'Économie a indiqué dans un communiqué : « L'enveloppe sera "
            "débloquée en deux tranches. »",
            "Ministère de l'Économie",
        ),
        (
            "« L'appel à projets restera ouvert jusqu'au 30 juin », a précisé l'Inria "
            "dans un communiqué.",
            "Inria",
        ),
        (
            "« Les données de santé resteront hébergées en France », a assuré Numeria SAS.",
            "Numeria SAS",
        ),
    ],
)
def test_organisation_as_speaker(text: str, speaker: str) -> None:
    assert [s for _, s in quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "second",
    [
        "« Il faudra former des milliers d'ingénieurs », a souligné la ministre.",
        "« Il faudra former des milliers d'ingénieurs », a ajouté Mme Vasseur.",
        "« Il faudra former des milliers d'ingénieurs », a insisté Vasseur.",
    ],
)
def test_role_or_surname_refers_back_to_the_full_name(second: str) -> None:
    text = (
        "La ministre déléguée chargée du Numérique, Claire Vasseur, a présenté mardi le "
        "nouveau plan national.\n" + second
    )
    assert quotes(text) == [("Il faudra former des milliers d'ingénieurs", "Claire Vasseur")]
    assert roles(text) == ["ministre déléguée chargée du Numérique"]


def test_quote_running_over_two_paragraphs_keeps_its_speaker() -> None:
    text = (
        "Le directeur de l'agence, Paul Hervé, a déclaré : « Nous avons réservé la moitié "
        "des heures aux PME.\n"
        "« Les grandes entreprises paieront le prix du marché, comme partout ailleurs. »"
    )
    assert [s for _, s in quotes(text)] == ["Paul Hervé", "Paul Hervé"]


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement a lancé le programme « IA pour tous les territoires ruraux » lundi.",
        "Le projet, baptisé « Calcul souverain pour la recherche », sera lancé en mai.",
        "Le rapport intitulé « Vers une IA de confiance en Europe » sera publié jeudi.",
        "Elle participera au sommet « Choose France Digital Summit Paris » en juin.",
        "Le ministre a parlé d'une « avancée majeure ».",
    ],
)
def test_names_and_short_phrases_are_not_quotes(text: str) -> None:
    assert quotes(text) == []


def test_two_quotes_in_one_paragraph_by_one_speaker() -> None:
    text = (
        "« Nous ne voulons pas dépendre d'un seul fournisseur », a expliqué Lina Moreau, "
        "directrice technique d'Hexacloud. « Nos clients exigent que leurs données restent "
        "en Europe. »"
    )
    assert [s for _, s in quotes(text)] == ["Lina Moreau", "Lina Moreau"]


def test_whole_article_through_the_pipeline() -> None:
    text = (
        "La France va investir 400 millions d'euros dans un supercalculateur dédié à "
        "l'intelligence artificielle, a annoncé jeudi le gouvernement.\n\n"
        "« Nous voulons que nos chercheurs et nos start-up puissent entraîner leurs modèles "
        "sur le sol national », a déclaré la ministre de la Recherche, Hélène Carpentier.\n\n"
        "« La machine sera opérationnelle en 2027 », a-t-elle ajouté.\n\n"
        "Pour Yann Lefort, président de l'association France Calcul, « c'est une étape "
        "décisive pour la souveraineté numérique »."
    )
    result = analyze("Un supercalculateur national pour l'IA", text, language="fr")
    assert result.language == "fr"
    assert [(q.speaker, q.role) for q in result.quotes] == [
        ("Hélène Carpentier", "ministre de la Recherche"),
        ("Hélène Carpentier", "ministre de la Recherche"),
        ("Yann Lefort", "président de l'association France Calcul"),
    ]


@pytest.mark.parametrize(
    ("said", "speaker"),
    [
        ("a déclaré à l'AFP Julie Marchand", "Julie Marchand"),
        ("a confié au quotidien Les Échos Julie Marchand, directrice de Calcis", "Julie Marchand"),
        ("a-t-elle déclaré à l'AFP", "Hélène Roy"),
        ("a déclaré à l'AFP", "Hélène Roy"),
    ],
)
def test_whom_it_was_said_to_is_not_the_speaker(said: str, speaker: str) -> None:
    text = (
        "La présidente de la région, Hélène Roy, a inauguré le centre de calcul.\n"
        f"« Le centre sera ouvert à toutes les universités de la région », {said}."
    )
    assert [s for _, s in quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Selon lui, « le calendrier sera tenu malgré les retards de livraison ».",
        "« Le calendrier sera tenu malgré les retards de livraison », assure-t-il.",
        "Il a ensuite déclaré : « Le calendrier sera tenu malgré les retards de livraison. »",
    ],
)
def test_pronoun_subject_is_the_person_in_focus(text: str) -> None:
    intro = "Le PDG de Calcis, Olivier Brun, a présenté les résultats du groupe.\n"
    assert [s for _, s in quotes(intro + text)] == ["Olivier Brun"]


@pytest.mark.parametrize(
    "verb", ["a ensuite déclaré", "a également souligné", "a par ailleurs précisé"]
)
def test_adverb_inside_the_tense(verb: str) -> None:
    text = f"Marc Delorme {verb} : « Nous ouvrirons trois centres de calcul en 2026. »"
    assert [s for _, s in quotes(text)] == ["Marc Delorme"]


@pytest.mark.parametrize(
    ("said", "role"),
    [
        (
            "a affirmé le Premier ministre, Julien Ferrand, lors d'un déplacement",
            "Premier ministre",
        ),
        (
            "a affirmé la ministre chargée du Numérique, Julie Ferrand, mardi",
            "ministre chargée du Numérique",
        ),
        ("a déclaré le président de la région, Julien Ferrand", "président de la région"),
    ],
)
def test_role_written_before_the_name_after_the_verb(said: str, role: str) -> None:
    text = f"« C'est un investissement de souveraineté pour tout le pays », {said}."
    result = extract_quotes_in("fr", paragraphs(text))
    assert [(q.speaker, q.role) for q in result] == [(said.split(", ")[1], role)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "« Les crédits seront engagés cette année », précise un communiqué du Centre "
            "national de calcul.",
            "Centre national de calcul",
        ),
        (
            "« Les crédits seront engagés cette année », a indiqué un porte-parole de Numeria.",
            "Numeria",
        ),
        (
            "L'Agence nationale du numérique a précisé dans un communiqué : « Les crédits "
            "seront engagés cette année. »",
            "Agence nationale du numérique",
        ),
    ],
)
def test_statement_or_spokesperson_speaks_for_its_organisation(text: str, speaker: str) -> None:
    assert [s for _, s in quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "said",
    ["a indiqué l'entreprise", "précise la société dans un communiqué", "a fait savoir le groupe"],
)
def test_company_referred_to_by_its_kind(said: str) -> None:
    text = (
        "La société Numeria va ouvrir un centre de données à Lille.\n"
        f"« Les premiers clients seront accueillis au printemps », {said}."
    )
    assert [s for _, s in quotes(text)] == ["Numeria"]
