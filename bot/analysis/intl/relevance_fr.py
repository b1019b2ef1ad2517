"""The French vocabulary of sovereign AI.

Outright: "IA souveraine", "souveraineté numérique/technologique", "indépendance
technologique", a model or cloud "souverain", "France 2030" with AI. A public actor: the
state and its seats ("l'État", "l'Élysée", "Matignon", "Bercy"), ministries, the
Confédération, public research bodies (Inria, CNRS, CEA, GENCI), public money. "État" is
the state only with its capital letter ("l'état de l'art" is not).
"""

from __future__ import annotations

from bot.analysis.intl.relevance_vocab import Vocabulary, words

__all__ = ["VOCAB"]

_AI = (
    r"\b(?:genai|llms?|gpus?|hpc)\b|\bintelligences?\sartificielles?\b|"
    r"\bapprentissage\s(?:automatique|profond)\b|\bmachine\slearning\b|\bgénérati(?:ve|f|ves|fs)\b|"
    r"\bmodèles?\s(?:de\slangage|de\sfondation|d['’](?:ia|intelligence)|génératifs?|massifs?)|"
    r"\bgrands?\smodèles?\b|\bsupercalculat\w+|\bsuperordinat\w+|\bsupercomput\w+|"
    r"\bcalcul\shaute\sperformance|\bcalcul\sintensif|\bpuissance\sde\scalcul|\bcapacités?\sde\scalcul|"
    r"\bpuces?\b|\bsemi-?conducteurs?\b|\bprocesseurs?\sgraphiques?|"
    r"\bcentres?\sde\s(?:données|calcul)\b|"
    r"\bdata\s?cent(?:er|re)s?\b|\bchatbots?\b|\bagents?\sconversationnels?|\bexaflops?|"
    r"\bpétaflops?|\bexascale|\bréseaux?\sde\sneurones"
)

# "its own models", "su propia IA": building one's own capability, as English says it.
_OWN = (
    r"\b(?:ses|leurs|nos)\spropres\s(?:modèles|ia|capacités\sde\scalcul|supercalculateurs|"
    r"infrastructures\sde\scalcul)|\b(?:son|leur|notre)\spropre\s(?:modèle|llm|cloud|"
    r"supercalculateur)|\b(?:sa|leur|notre)\spropre\s(?:ia|intelligence\sartificielle|"
    r"puissance\sde\scalcul)"
)

VOCAB = Vocabulary(
    ai=words(_AI, case=r"\b(?:IA|I\.A\.|AI)\b"),  # "j'ai" is a verb
    strong=words(
        _OWN + "|"
        r"\b(?:ia|intelligence\sartificielle)\s(?:de\sconfiance\s)?souveraine\b|"
        r"\bsouveraineté\s(?:[\w'’-]+\s){0,2}?(?:numérique|technologique|en\smatière\sd['’]ia)|"
        r"\bsouveraineté\s(?:de\sl['’]|dans\sl['’])(?:ia|intelligence)|"
        r"\b(?:modèles?|llm|cloud|calcul|infrastructures?|supercalculateurs?|"
        r"capacités?|puissance|données)\s(?:[\w'’-]+\s){0,4}?souverai(?:n|ne|ns|nes)\b|"
        r"\bindépendance\s(?:technologique|numérique)|\bautonomie\sstratégique\s(?:numérique|"
        r"technologique|en\smatière\sd['’]ia)|\bstratégie\snationale\s(?:pour\sl['’]|"
        r"d['’]|de\sl['’]|"
        r"en\s)(?:ia|intelligence\sartificielle)|\bcentres?\snationa(?:l|ux)\sde\scalcul|"
        r"\bsupercalculateurs?\s(?:national|public|"
        r"européen)s?|\b(?:ia|intelligence\sartificielle)\spublique|\bgigafactor(?:y|ies)\s"
        r"(?:de\sl['’]|d['’])ia|\b(?:financée?s?|soutenue?s?)\spar\sl['’](?:état|etat)"
    ),
    conditional=words(
        r"\bstratégie\s(?:pour\sl['’]|de\sl['’]|d['’]|en\smatière\sd['’])?(?:ia|"
        r"intelligence\sartificielle)|"
        r"\bplan\s(?:national\s)?(?:ia|intelligence\sartificielle)|\busines?\s(?:d['’]|à\s)ia|"
        r"\bai\sfactor(?:y|ies)|\bfeuille\sde\sroute\s(?:ia|de\sl['’]ia)|"
        r"\bprogramme\s(?:national\s)?ia"
    ),
    plans=words(r"\bFrance\s2030\b|\bplan\sde\srelance\b|\bPEPR\b"),
    public=words(
        r"\bgouvernements?\b|\bgouvernemental\w*|\bminist(?:ère|ères|re|res|ériel\w*)\b|"
        r"\bexécutif\b|\bprésident\sde\sla\srépublique|\bchef\sde\sl['’]État|\bpremière?\sministre|"
        r"\b(?:élysée|elysée|matignon|bercy|confédération)\b|"
        r"\b(?:public|publique|publics|publiques|national|nationale|nationaux|nationales)\b|"
        r"\bfédéra(?:l|le|ux|les)\b|\bconseil\sfédéral|\bcommission\seuropéenne|"
        r"\bunion\seuropéenne|\bue\b|\beurohpc|\bcollectivités?|\brégions?\b|\bmunicipal\w*|"
        r"\bmairie|\bautorités\b|\bsecrétaire\sd['’]État|\bsecrétariat\sd['’]État|\bcontribuables?|"
        r"\bsouverain\w*|\bbpifrance|\b(?:inria|cnrs|genci|jean\szay)\b|"
        r"\bécoles?\spolytechniques?\sfédérales?|\b(?:epfl|eth)\b|\bfrance\s2030|\bl['’]armée",
        case=r"\b(?:État|Etat|CEA|ANR)\b",
    ),
    build=words(
        r"\b(?:constru\w+|développ\w+|invest\w+|financ\w+|lanc\w+|dévoil\w+|déploi\w+|déploy\w+|"
        r"inaugur\w+|achat\w*|achet\w+|acqui\w+|entraîn\w+|mis(?:e)?\sen\splace|mettre\sen\splace|"
        r"cré(?:er|era|e|é|ée|ation)|établi\w*|plans?|programmes?|projets?|prévoi\w*|prévu\w*|"
        r"approuv\w+|adopt\w+|allou\w+|débloqu\w+|consacr\w+|mobilis\w+|subvention\w*|aides?|"
        r"soutien\w*|soutenir|engag\w+|dot\w+|install\w+|ouvr\w+|centres?\sde\sdonnées|"
        r"supercalculat\w+|infrastructures?|modèles?|llm|gpu)\b"
    ),
    money=words(
        r"[$€£¥]\s?\d|\d[\d\s.,]*\s?(?:milliards?|millions?|mds?|mrds?|md|m)?\s?(?:d['’]\s?)?"
        r"(?:euros?|dollars?|francs?|€|\$|chf|usd|eur)\b|\d[\d\s.,]*\s?(?:milliards?|millions?)\b"
    ),
    funding=words(
        r"\b(?:financ\w+|invest\w+|budget\w*|allou\w+|subvention\w*|crédits?|enveloppe|dotation|"
        r"fonds|débloqu\w+|consacr\w+)\b"
    ),
    enforcement=words(
        r"\b(?:amendes?|sanction\w*|pénalit\w+|tribunal|tribunaux|cour\sde|justice|procès|"
        r"plaintes?|"
        r"poursuit\w*|poursuites|jugement|condamn\w+|enquêtes?|régulateur\w*|gendarme|cnil|"
        r"autorité\sde\s(?:la\s)?concurrence|antitrust|infraction\w*|violations?|interdi\w+|"
        r"vie\sprivée|données\spersonnelles|protection\sdes\sdonnées|rgpd|consentement|"
        r"droits?\sd['’]auteur|hypertrucage\w*|deepfakes?|illégal\w*|illicite\w*)\b"
    ),
    lawmaking=words(
        r"\b(?:loi|lois|projet\sde\sloi|proposition\sde\sloi|législati\w+|vot\w+|règlement\w*|"
        r"réglementation\w*|régul\w+|règles|éthique\w*|conformité|décret|directive|ai\sact|"
        r"acte\ssur\sl['’]ia|cadre\sjuridique|encadr\w+)\b"
    ),
    finance=words(
        r"\b(?:chiffre\sd['’]affaires|résultats?\s(?:trimestriels?|annuels?|semestriels?|"
        r"financiers?)|"
        r"trimestre|bénéfices?|actionnaires?|cours\sde\sbourse|en\sbourse|analystes?|marge\s"
        r"(?:brute|opérationnelle|nette)|dividendes?|capitalisation|sur\sun\san)\b"
    ),
    company=words(
        r"\b(?:partenariats?|partenaires?|accords?\scommercia\w+|clients?|contrats?|acquisitions?|"
        r"rachats?|fusions?|filiales?|coentreprises?|co-entreprises?|joint-ventures?|"
        r"inc|corp|ltd|gmbh)\b",
        case=r"\b(?:SA|SAS)\b",
    ),
    deal=words(
        r"\b(?:rach[eèa]\w*|acquiert|acquérir|acquisition|achète|acheter|fusion(?:ne|nent)?|cède|"
        r"céder|cession|vend|vendre|vente\sde|prise\sde\sparticipation|opa)\b"
    ),
    venture=words(
        r"\b(?:coentreprise|co-entreprise|joint-venture|s['’]allie\w*|alliance\savec|"
        r"partenariat\s(?:stratégique\s)?(?:avec|entre)|s['’]associe\w*|commercialis\w+|"
        r"lance\s(?:un|une|son|sa|ses)\s(?:nouve\w+\s)?(?:service|offre|produit|assistant|"
        r"application|outil|gamme|abonnement|puce)|dévoile\s(?:son|sa|ses)\s(?:nouve\w+\s)?"
        r"(?:produit|offre|service|puce|assistant|smartphone|ordinateur)|levée\sde\sfonds|lève\s"
        r"\d)"
    ),
    other_sector=words(
        r"\b(?:ferroviaire\w*|rail|trains?|métro|routes?|autoroutes?|ports?|aéroports?|cantines?|"
        r"repas|agricult\w+|agricoles?|fibre|haut\sdébit|5g|6g|télécoms?|hôpita\w+|logements?|"
        r"retraites?)\b"
    ),
    denies=words(
        r"\b(?:rien\sà\svoir\savec|n['’]est\spas\s(?:destiné\w*\sà|pour))\sl['’](?:ia|"
        r"intelligence)|"
        r"\bpas\s(?:pour|destinée?s?\sà)\sl['’](?:ia|intelligence\sartificielle)"
        r"|\bne\s(?:produira|fabriquera|fournira|servira)\s(?:pas|"
        r"jamais)\s[^.]{0,40}?(?:pour|à)\sl['’](?:ia|intelligence)|"
        r"\bne\ssont\spas\sdestinée?s\sà\sl['’](?:ia|intelligence)"
    ),
    chips=words(r"\b(?:puces?|semi-?conducteurs?|processeurs?)\b"),
    non_ai_chips=words(
        r"\b(?:puces?|semi-?conducteurs?|composants?)\s(?:de\s)?puissance|\b(?:puces?|"
        r"semi-?conducteurs?)\s(?:pour|destinée?s?\sà)\s(?:l['’]automobile|les\svoitures|"
        r"les\svéhicules|des\svoitures|véhicules|voitures|le\sréseau|l['’]énergie)|"
        r"\bcarbure\sde\ssilicium|\bnitrure\sde\sgallium"
    ),
)
