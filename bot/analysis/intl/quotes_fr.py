"""French words for quotes: « … » with "a déclaré", "a-t-il ajouté", "selon", "estime".

French inverts the subject after a quote ("a déclaré le ministre", "explique-t-elle",
"a-t-il ajouté"); a pronoun joined by hyphens is the previous speaker. Compound tenses
("a souligné", "ont expliqué") are listed with their auxiliary.
"""

from __future__ import annotations

from bot.analysis.intl.quotes_lexicon import LatinWords, Tense, split

__all__ = ["FRENCH"]

_PARTICIPLES = split(
    """déclaré dit affirmé expliqué ajouté souligné précisé estimé indiqué assuré insisté
    poursuivi conclu noté observé rappelé résumé lancé confié raconté martelé commenté
    prévenu reconnu averti jugé annoncé répondu détaillé plaidé défendu tranché relevé
    complété argué avancé soutenu témoigné écrit glissé admis concédé promis réagi
    analysé déploré regretté salué confirmé signalé répété fait_valoir fait_savoir
    mis_en_garde qualifié jugé insisté lâché"""
)
_PRESENT = split(
    """déclare dit affirme explique ajoute souligne précise estime indique assure insiste
    poursuit conclut note observe rappelle résume lance confie raconte martèle commente
    prévient reconnaît avertit juge considère annonce répond détaille analyse plaide
    défend tranche relève complète avance soutient témoigne écrit glisse souffle reprend
    continue admet concède promet réagit déplore regrette salue confirme signale répète
    ironise nuance lâche s'enthousiasme se_félicite se_réjouit s'inquiète fait_valoir
    fait_savoir"""
)
_PLURAL = split(
    """déclarent disent affirment expliquent ajoutent soulignent précisent estiment
    indiquent assurent insistent poursuivent concluent notent observent rappellent
    confient racontent commentent préviennent reconnaissent avertissent jugent
    considèrent annoncent répondent détaillent soutiennent écrivent confirment"""
)
_SIMPLE_PAST = split(
    """déclara affirma expliqua ajouta souligna précisa estima indiqua assura poursuivit
    conclut nota rappela lança confia répondit déclarait disait affirmait expliquait
    ajoutait soulignait précisait estimait assurait"""
)


def _inverted(verb: str, pronouns: tuple[str, ...]) -> tuple[str, ...]:
    """ "explique-t-il", "dit-elle", "se félicite-t-il": the pronoun after the verb."""
    joint = "-t-" if verb[-1] in "ae" else "-"
    return tuple(verb + joint + p for p in pronouns)


# "il a ensuite déclaré", "elle a également souligné": an adverb inside the tense
_ADVERBS = split(
    """ensuite également aussi encore déjà notamment toutefois pourtant enfin alors même
    donc d'ailleurs d’ailleurs par_ailleurs clairement récemment plusieurs_fois"""
)
_TENSES = (
    Tense(("a", "ont", "avait", "aurait"), _PARTICIPLES, _ADVERBS),
    Tense(("a-t-il", "a-t-elle", "a-t-on", "avait-il", "avait-elle"), _PARTICIPLES, _ADVERBS, True),
    Tense(("ont-ils", "ont-elles"), _PARTICIPLES, (), True),
)
_PRONOUN_VERBS = tuple(
    form for v in _PRESENT for form in _inverted(v, ("il", "elle", "on"))
) + tuple(v + "-" + who for v in _PLURAL for who in ("ils", "elles"))

FRENCH = LatinWords(
    verbs=_PRESENT + _PLURAL + _SIMPLE_PAST,
    pronoun_verbs=_PRONOUN_VERBS,
    tenses=_TENSES,
    according=split("selon d'après d’après de_l'avis_de"),
    according_after=(),
    pronouns=frozenset(split("il elle ils elles on lui eux")),
    honorifics=frozenset(split("M. MM. Mme Mmes Mlle Me Dr Dr. Pr Pr. Prof. Mgr Monsieur Madame")),
    roles=split(
        """ministre ministres président présidente directeur directrice directeur_général
        directrice_générale PDG DG patron patronne fondateur fondatrice cofondateur
        cofondatrice chercheur chercheuse professeur professeure secrétaire commissaire
        député députée sénateur sénatrice maire conseiller conseillère responsable
        délégué déléguée chef cheffe dirigeant dirigeante économiste analyste expert
        experte porte-parole vice-président vice-présidente premier_ministre
        première_ministre chancelier chancelière ambassadeur ambassadrice gouverneur
        administrateur administratrice associé associée avocat avocate ingénieur doyen
        recteur rectrice coordinateur coordinatrice head manager élu élue représentant
        représentante spécialiste CEO CTO président-directeur_général secrétaire_d'État
        secrétaire_d’État haut-commissaire"""
    ),
    role_suffixes=(),
    spokespeople=split("porte-parole représentant représentante source"),
    org_words=split(
        """État ministère gouvernement commission agence entreprise société groupe start-up
        startup institut université école centre fondation association fédération
        syndicat banque conseil autorité office observatoire cabinet parlement assemblée
        sénat direction secrétariat collectif laboratoire organisme fonds plateforme
        opérateur consortium alliance Élysée Matignon Bercy"""
    ),
    statements=split("communiqué déclaration note lettre tribune message courriel document"),
    articles=frozenset(
        split("le la les l' l’ un une des du de d' d’ ce cette son sa ses leur notre")
    ),
    openers=frozenset(
        split(
            """Le La Les L Un Une Des Du De Ce Cette Ces Cet Il Elle Ils Elles On Nous Vous
            Je Selon Pour Mais Et Ou En Dans Au Aux Lors Après Avant Depuis Pendant Par
            Avec Sans Sur Sous Chez Comme Si Quand Lorsque Alors Ainsi Enfin Puis Aussi
            Cependant Pourtant Toutefois Néanmoins Désormais Aujourd'hui Hier Son Sa Ses
            Leur Leurs Notre Mon Ma Entre Face Outre D'après Quant Car Donc Or Oui Non"""
        )
    ),
    particles=frozenset(split("de du des d' d’ de_la de_l' de_l’")),
    naming=split(
        """intitulé intitulée intitulés intitulées baptisé baptisée baptisés nommé nommée
        appelé appelée dénommé dénommée surnommé surnommée projet programme plan rapport
        initiative conférence sommet événement évènement forum salon livre ouvrage film
        slogan thème label opération stratégie feuille_de_route mission appel_à_projets
        dispositif concours loi texte émission podcast série colloque table_ronde
        devise marque campagne"""
    ),
    relatives=frozenset(split("qui que qu' qu’ dont lequel laquelle où")),
    for_words=("pour",),
    addressee=("à", "au", "aux"),
    kinds=split("entreprise société groupe start-up startup opérateur"),
    definite=frozenset(split("le la les l' l’")),
    days=frozenset(
        split(
            """Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Janvier Février Mars
            Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre"""
        )
    ),
)
