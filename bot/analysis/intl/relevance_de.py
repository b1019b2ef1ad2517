"""The German vocabulary of sovereign AI, for Germany, Austria and Switzerland.

Outright: "souveräne KI", "digitale/technologische Souveränität", "KI-Gigafactory",
"eigene KI-Modelle", a national AI strategy or supercomputer. German compounds carry the
words inside them ("KI-Rechenzentrum", "Bundesforschungsministerium",
"Rechenkapazitäten"), so most patterns match within a word rather than at its edges. A
public actor: Bund, Bundesregierung, ministries, Länder, the Swiss Bundesrat, public
research bodies (Fraunhofer, Helmholtz, Jülich), Fördermittel and Steuergeld.
"""

from __future__ import annotations

from bot.analysis.intl.relevance_vocab import Vocabulary, words

__all__ = ["VOCAB"]

_KI = r"(?:ki|ai)"
_AI = (
    rf"(?<![a-zäöü]){_KI}(?![a-zäöü])|(?:genai|llms?|gpus?|hpc)\b|künstlichen?\sIntelligenz|"
    r"maschinelle[sn]?\sLernen|Machine\sLearning|generativ\w*|Sprachmodell\w*|Basismodell\w*|"
    r"Foundation\sModels?|Supercomputer\w*|Superrechner\w*|Hochleistungsrechn\w+|"
    r"Höchstleistungsrechn\w+|"
    r"Rechenleistung\w*|Rechenkapazität\w*|Rechenzentr\w+|Rechenzentrum|Rechenpower|Chips?\b|"
    r"Halbleiter\w*|Grafikprozessor\w*|Datacenter|Data\sCenter|Chatbots?|Exaflops?|Petaflops?|"
    r"Exascale|neuronale\w*\sNetz\w*|JUPITER|Rechencluster\w*"
)

VOCAB = Vocabulary(
    ai=words(_AI),
    strong=words(
        rf"souverän\w*\s(?:{_KI}|künstliche\w*\sIntelligenz|Cloud|Rechen\w+|Sprachmodell\w*|"
        rf"Infrastruktur\w*|{_KI}-\w+)|(?:digitale\w*|technologische\w*)\sSouveränität|"
        rf"Souveränität\s(?:bei|in\sder|im\sBereich)\s(?:{_KI}|künstliche\w*|"
        rf"Schlüsseltechnolog\w+)|"
        rf"{_KI}-Souveränität|(?:{_KI}-)?Gigafactor(?:y|ies)|{_KI}-Gigafabrik\w*|"
        rf"eigene\w*\s(?:{_KI}|{_KI}-\w+|Sprachmodell\w*|Basismodell\w*|Rechenkapazität\w*|"
        rf"Supercomputer\w*)|nationale\w*\s(?:{_KI}-Strategie|Supercomputer\w*|Rechenzentr\w+|"
        rf"Sprachmodell\w*)|{_KI}-Strategie\sder\sBundesregierung|öffentlich\s(?:finanziert|"
        rf"gefördert)\w*\s(?:{_KI}|Supercomputer\w*|Rechen\w+|Sprachmodell\w*)|"
        r"technologische\w*\sUnabhängigkeit|strategische\w*\sAutonomie|europäische\w*\s(?:KI|AI)-"
        r"Champion\w*"
    ),
    conditional=words(
        rf"{_KI}-Strategie|{_KI}-Aktionsplan|{_KI}-Offensive|{_KI}-Fabrik\w*|AI\sFactor(?:y|ies)|"
        rf"{_KI}-Initiative|{_KI}-Programm\w*|{_KI}-Servicezentr\w+"
    ),
    plans=words(r"Hightech\sAgenda|Zukunftsfonds|IPCEI|Deutschlandfonds"),
    public=words(
        r"Regierung\w*|Bundes(?!liga)\w+|(?<![A-Za-zäöü])Bund(?:es)?\b|Ministeri\w+|Minister\w*|"
        r"Staatssekretär\w*|Kanzler\w*|Kabinett\w*|Behörde\w*|staatlich\w*|öffentlich\w*|"
        r"Steuergeld\w*|Steuerzahler\w*|Fördermittel\w*|Förderprogramm\w*|Förderung\w*|"
        r"staat|länder|freistaat|landesregierung|kommune\w*|kommunal\w*|"
        r"Fraunhofer|Helmholtz|Max-Planck|Forschungszentrum|Jülich|DFKI|Sprind|SPRIND|"
        r"Leibniz-Rechenzentrum|HLRS|Gauss\sCentre|EU-Kommission|Europäische\w*\sKommission|"
        r"(?<![a-zäöü])eu\b|eurohpc|(?<![a-zäöü])national\w*|Souverän\w*|Eidgenossenschaft|"
        r"eidgenössisch\w*|\b(?:eth|epfl|cscs)\b|bundesrat"
    ),
    build=words(
        r"bau\w*|aufbau\w*|entwickl\w*|entwickel\w*|investi\w+|finanzier\w+|förder\w+|start\w*|"
        r"gestartet|eröffn\w+|errichte\w*|beschaff\w+|kauf\w*|gekauft|trainier\w+|bereitstell\w+|"
        r"bereitgestellt|stellt\s[^.]{0,60}?bereit|plan\w*|geplant|Programm\w*|Projekt\w*|"
        r"beschlossen|beschließ\w+|Milliarden|Millionen|Gigafactory|Rechenzentr\w+|"
        r"Supercomputer\w*|"
        r"Infrastruktur\w*|Modell\w*|LLM|GPU|Cluster\w*|einricht\w+|eingerichtet|ausbau\w*|"
        r"ausgebaut|auflegen|aufgelegt|schaffen|geschaffen|vergeb\w+|Ausschreibung\w*"
    ),
    money=words(
        r"[$€£¥]\s?\d|\d[\d\s.,]*\s?(?:Milliarden|Milliarde|Millionen|Million|Mrd\.?|Mio\.?)?\s?"
        r"(?:Euro|Dollar|Franken|€|\$|CHF|USD|EUR)\b|\d[\d\s.,]*\s?(?:Milliarden|"
        r"Millionen|Mrd\.|Mio\.)"
    ),
    funding=words(
        r"finanzier\w+|Finanzierung\w*|investi\w+|Budget\w*|Haushalt\w*|Förder\w+|gefördert|"
        r"Mittel\b|Fonds|Zuschuss\w*|Zuschüsse\w*|Subvention\w*"
    ),
    enforcement=words(
        r"Bußgeld\w*|Strafe\w*|Geldstrafe\w*|(?<![a-zäöü])(?:Gericht\w*|Klage\w*|Urteil\w*)|"
        r"verklag\w+|Staatsanwalt\w*|Ermittlung\w*|Aufsichtsbehörde\w*|Kartellamt|"
        r"Kartell\w*|Wettbewerbshüter\w*|"
        r"Datenschutz\w*|personenbezogen\w*|DSGVO|Privatsphäre|Einwilligung\w*|Urheberrecht\w*|"
        r"Deepfakes?|rechtswidrig\w*|illegal\w*|Verstoß\w*|Verstöße\w*|Verbot\w*|verboten"
    ),
    lawmaking=words(
        r"Gesetz(?!t)\w*|Gesetzgeb\w+|Bundestag|Abstimmung\w*|Verordnung\w*|"
        r"Regulierung\w*|reguliert\w*|Regeln|Vorschrift\w*|Ethik\w*|Compliance|Haftung\w*|"
        r"AI\sAct|KI-Verordnung|KI-Gesetz|Richtlinie\w*"
    ),
    finance=words(
        r"Umsatz\w*|Quartal\w*|Gewinn\b|Gewinne\b|Nettogewinn|Aktionär\w*|Aktie\b|Aktien\b|"
        r"Börse\w*|Analyst\w*|Marge\w*|Dividende\w*|Börsenwert|Vorjahr\w*"
    ),
    company=words(
        r"Partnerschaft\w*|Partner\b|Partnern\b|Kunden\b|Kunde\b|Auftrag\b|Vertrag\w*|Übernahme\w*|"
        r"Fusion\w*|Tochter\w*|Gemeinschaftsunternehmen|Joint\sVenture|gmbh|inc\b|corp\b|ltd\b",
        case=r"\b(?:AG|SE)\b",
    ),
    deal=words(
        r"übernimmt|übernehmen|Übernahme|kauft\s|kaufen|Kauf\s(?:von|der|des)|Fusion|fusionier\w+|"
        r"verkauft|verkaufen|Verkauf\s(?:von|der|des)|Beteiligung\san|Mehrheit\san"
    ),
    venture=words(
        r"Gemeinschaftsunternehmen|Joint\sVenture|Joint-Venture|Allianz\smit|verbünde\w*|"
        r"Partnerschaft\s(?:mit|zwischen)|kooperier\w+\smit|bringt\s[^.]{0,40}?auf\sden\sMarkt|"
        r"stellt\s(?:sein|seine|ihr|ihre)\s(?:neu\w+\s)?(?:Produkt|Angebot|Dienst|Chip|Assistent|"
        r"Smartphone)\w*\svor|führt\s[^.]{0,40}?ein\b|Finanzierungsrunde|sammelt\s[^.]{0,30}?ein\b|"
        r"vermarkt\w+|neu\w*\s(?:Produkt|Dienst|Angebot)\w*"
    ),
    other_sector=words(
        r"Bahn\w*|Schiene\w*|Straße\w*|Autobahn\w*|Brücke\w*|Häfen|Hafen\w*|Flughäfen|Flughafen\w*|"
        r"Schulessen|Landwirtschaft\w*|Glasfaser\w*|Breitband\w*|5G|6G|Mobilfunk\w*|"
        r"Telekommunikation\w*|"
        r"Krankenh\w+|Wohnungsbau\w*|Rente\w*"
    ),
    denies=words(
        rf"nichts\smit\s(?:{_KI}|künstlicher\sIntelligenz)\szu\stun|nicht\s(?:für|"
        rf"zum\sEinsatz\sin\sder)\s"
        rf"(?:{_KI}|künstliche\w*\sIntelligenz)(?:-Anwendungen)?\s(?:gedacht|bestimmt|vorgesehen)"
        r"|keine\s(?:chips|prozessoren|halbleiter)\sfür\s(?:ki|künstliche)"
    ),
    chips=words(r"\b(?:chips?|halbleiter\w*|prozessor\w*)\b"),
    non_ai_chips=words(
        r"leistungshalbleiter\w*|(?:chips?|halbleiter)\sfür\s(?:autos|fahrzeuge|"
        r"elektroautos|e-autos|die\sautoindustrie|das\sstromnetz)|autochips?|"
        r"siliziumkarbid"
    ),
)
