"""The Spanish vocabulary of sovereign AI.

Outright: "IA soberana", "soberanía tecnológica/digital", "infraestructura pública de
IA", models funded "con recursos públicos", a national AI strategy, models for Spanish
and the co-official languages. A public actor: the Gobierno, ministries, the Moncloa,
the Estado (with its capital: "ha estado" is a verb), autonomous communities, public
research centres (BSC, CSIC). "IA" is matched in capitals only.
"""

from __future__ import annotations

from bot.analysis.intl.relevance_vocab import Vocabulary, words

__all__ = ["VOCAB"]

_AI = (
    r"\b(?:ia|ai|genai|llms?|gpus?|hpc)\b|\binteligencias?\sartificial(?:es)?\b|"
    r"\baprendizaje\s(?:automático|profundo)\b|\bmachine\slearning\b|\bgenerativ[ao]s?\b|"
    r"\bmodelos?\s(?:de\slenguaje|fundacionales?|de\sia|de\sinteligencia|grandes?)|"
    r"\bgrandes?\smodelos?\b|\bsupercomput\w+|\bsuperordenador\w*|\bcomputación\sde\salto\s"
    r"rendimiento|\bcómputo\b|\bcapacidad(?:es)?\sde\s(?:computación|cálculo)|\bpotencia\sde\s"
    r"(?:cálculo|cómputo)|\bchips?\b|\bsemiconductor\w*|\bprocesador(?:es)?\sgráficos?|"
    r"\bcentros?\sde\sdatos\b|\bdata\s?cent(?:er|re)s?\b|\bchatbots?\b|\basistentes?\s"
    r"conversacionales?|\bexaflops?|\bpetaflops?|\bredes\sneuronales"
)

# "its own models", "su propia IA": building one's own capability, as English says it.
_OWN = (
    r"\b(?:sus|nuestros)\spropios\s(?:modelos|sistemas\sde\s(?:ia|inteligencia\sartificial)|"
    r"supercomputadores|centros\sde\sdatos)|\b(?:su|nuestra)\spropia\s(?:ia|"
    r"inteligencia\sartificial|nube|capacidad\sde\scómputo|infraestructura)|\b(?:su|"
    r"nuestro)\spropio\s(?:modelo|llm|supercomputador)"
)

VOCAB = Vocabulary(
    ai=words(_AI),
    strong=words(
        _OWN + "|"
        r"\b(?:ia|inteligencia\sartificial)\ssoberana\b|\bsoberanía\s(?:[\w-]+\s){0,2}?"
        r"(?:tecnológica|digital)|\bsoberanía\s(?:en\s)?(?:materia\sde\s)?(?:ia|inteligencia)|"
        r"\b(?:modelos?|infraestructuras?|nube|cómputo|capacidad(?:es)?|datos)\s(?:[\w-]+\s){0,4}?"
        r"soberan[ao]s?\b|\bautonomía\sestratégica\s(?:digital|tecnológica)|\bindependencia\s"
        r"tecnológica|\binfraestructuras?\spúblicas?\sde\s(?:ia|inteligencia\sartificial)|"
        r"\b(?:ia|inteligencia\sartificial)\spública|\bfinanciad[ao]s?\s(?:al\s100\s?%\s)?"
        r"con\s(?:fondos|recursos|dinero)\spúblicos|\bestrategia\snacional\sde\s(?:ia|"
        r"inteligencia\sartificial)|\bsupercomputador\w*\s(?:nacional|público)|\bgigafactor\w+\s"
        r"de\s(?:ia|inteligencia\sartificial)"
    ),
    conditional=words(
        r"\bestrategia\s(?:de\s)?(?:ia|inteligencia\sartificial)|\bplan\s(?:nacional\s)?"
        r"de\s(?:ia|inteligencia\sartificial)|\bfábricas?\sde\sia|\bai\sfactor(?:y|ies)|"
        r"\bhoja\sde\sruta\s(?:de\s(?:la\s)?)?ia|\blenguas\scooficiales"
    ),
    plans=words(r"\bPERTE\b|\bPlan\sde\sRecuperación\b|\bfondos\sNext\sGeneration\b"),
    public=words(
        r"\bgobiernos?\b|\bgubernamental\w*|\bministeri\w+|\bministr[oa]s?\b|\bpresident[ea]\sdel\s"
        r"gobierno|\bejecutivo\b|\bmoncloa\b|\bestatal\w*|\b(?:públic[oa]s?)\b|"
        r"\bnacional(?:es)?\b|\bfederal(?:es)?\b|\bcomisión\seuropea|\bunión\seuropea|\bue\b|"
        r"\beurohpc|\bcomunidad(?:es)?\sautónomas?|\bautonómic[oa]s?|\b(?:generalitat|xunta)\b|"
        r"\bayuntamientos?\b|\bmunicipal\w*|\bsecretarí[ao]\sde\s"
        r"estado|\bsecretari[oa]\sde\sestado|\b(?:sedia|csic|aesia)\b|"
        r"\bbarcelona\ssupercomputing\scenter|\bcentro\snacional\sde\ssupercomputación|\bred\.es|"
        r"\bcontribuyentes|\bsoberan\w+|\bconsejo\sde\sministros|\bpresident[ea]\sde\sla\s"
        r"(?:nación|república)",
        case=r"\b(?:Estado|BSC|Junta\sde\s[A-Z]\w+)\b",
    ),
    build=words(
        r"\b(?:constru\w+|desarroll\w+|invers\w+|invert\w+|invier\w+|financ\w+|lanz\w+|"
        r"present\w+|despleg\w+|desplieg\w+|inaugur\w+|compr\w+|adquiri\w+|adquisici\w+|"
        r"entren\w+|pon(?:er|drá)\sen\smarcha|puesta\sen\smarcha|cre(?:ar|ará|ó|ación)|establec\w+|"
        r"planes?|programas?|proyectos?|prevé|previst\w+|aprob\w+|aprueb\w+|adopt\w+|asign\w+|"
        r"destin\w+|moviliz\w+|subvenci\w+|ayudas?|apoy\w+|impuls\w+|dot\w+|instal\w+|"
        r"abr(?:e|en|ió|irá|ir)|"
        r"centros?\sde\sdatos|supercomput\w+|infraestructuras?|modelos?|llm|gpu)\b"
    ),
    money=words(
        r"[$€£¥]\s?\d|\d[\d\s.,]*\s?(?:mil\smillones|millones|millón|billones)?\s?(?:de\s)?"
        r"(?:euros?|dólares|pesos|€|\$|usd|eur)\b|\d[\d\s.,]*\s?(?:mil\smillones|millones)\b"
    ),
    funding=words(
        r"\b(?:financ\w+|invers\w+|invert\w+|presupuest\w+|asign\w+|subvenci\w+|fondos?|partidas?|"
        r"dotaci\w+|destin\w+)\b"
    ),
    enforcement=words(
        r"\b(?:multas?|multad[oa]|sanci\w+|tribunal\w*|juzgado\w*|jueces|juez|demanda\w*|"
        r"denuncia\w*|sentencia\w*|fiscal\w*|investigaci\w+|regulador\w*|aepd|"
        r"protección\sde\sdatos|datos\spersonales|privacidad|consentimiento|derechos\sde\sautor|"
        r"deepfakes?|ultrafals\w+|ilegal\w*|ilícit\w+|infracci\w+|prohib\w+|vet[oa]\w*)\b"
    ),
    lawmaking=words(
        r"\b(?:ley|leyes|anteproyecto|proyecto\sde\sley|legislaci\w+|legislativ\w+|vot\w+|"
        r"reglament\w+|regulaci\w+|regul\w+|normas?|normativ\w+|ética|éticos?|cumplimiento|"
        r"decreto|directiva|ai\sact)\b"
    ),
    finance=words(
        r"\b(?:facturaci\w+|ingresos|resultados\s(?:trimestrales|anuales|financieros)|trimestre|"
        r"beneficio\s(?:neto|operativo)|accionistas?|cotizaci\w+|en\sbolsa|analistas|margen\s"
        r"(?:bruto|operativo)|dividendos?|capitalizaci\w+|interanual)\b"
    ),
    company=words(
        r"\b(?:alianzas?|socios?|acuerdos?\scomercial\w*|clientes?|contratos?|adquisici\w+|"
        r"compra\sde|fusi\w+|filial\w*|empresa\sconjunta|joint\sventure|inc|corp|ltd)\b",
        case=r"\b(?:S\.A\.|SL)\b",
    ),
    deal=words(
        r"\b(?:compra|comprar|adquiere|adquirir|adquisici\w+|fusi\w+|vende|vender|venta\sde|"
        r"opa|toma\sel\scontrol|participación\sen)\b"
    ),
    venture=words(
        r"\b(?:empresa\sconjunta|joint\sventure|se\salí[ae]\w*|alianza\scon|"
        r"acuerdo\s(?:estratégico\s)?"
        r"con|se\sasocia\w*|comercializ\w+|lanza\s(?:un|una|su|sus)\s(?:nuev\w+\s)?(?:servicio|"
        r"oferta|producto|asistente|aplicación|herramienta|gama|chip)|presenta\s(?:su|sus)\s"
        r"(?:nuev\w+\s)?(?:producto|servicio|chip|asistente|móvil)|ronda\sde\sfinanciación|"
        r"levanta\s\d|recauda\s\d)"
    ),
    other_sector=words(
        r"\b(?:ferrocarril\w*|ferroviari\w+|trenes|metro|carreteras?|autovías?|puertos?|"
        r"aeropuertos?|comedores|agricult\w+|agrícolas?|fibra|banda\sancha|5g|6g|telecomunicaci\w+|"
        r"hospital\w*|vivienda\w*|pensiones)\b"
    ),
    denies=words(
        r"\bnada\sque\sver\scon\sla\s(?:ia|inteligencia)|\bno\s(?:está\s)?(?:destinad[oa]\sa|"
        r"es\spara)\sla\s(?:ia|inteligencia)"
        r"|\bno\s(?:producirá|fabricará|servirá|se\sdestinará|"
        r"se\susará)\s[^.]{0,40}?(?:para|a)\sla\s(?:ia|inteligencia)"
    ),
    chips=words(r"\b(?:chips?|semiconductor\w*|procesador\w*)\b"),
    non_ai_chips=words(
        r"\b(?:chips?|semiconductor\w*)\sde\spotencia|\b(?:chips?|"
        r"semiconductor\w*)\spara\s(?:coches|automóviles|vehículos|la\sautomoción|la\sred|"
        r"el\ssector\sdel\sautomóvil)|\bcarburo\sde\ssilicio"
    ),
)
