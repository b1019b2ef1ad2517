"""The Portuguese vocabulary of sovereign AI, for Brazil and Portugal.

Outright: "IA soberana", "soberania digital/tecnológica", the "Plano Brasileiro de
Inteligência Artificial", a national AI strategy, models and clouds "soberanos". A public
actor: the governo (federal), ministries (MCTI), the Planalto, the Estado (capitalised),
public banks and agencies (BNDES, Finep, CNPq), the Portuguese state's bodies. "IA" alone is
matched in capitals only: lower-case "ia" is a verb ("ele ia").
"""

from __future__ import annotations

from bot.analysis.intl.relevance_vocab import Vocabulary, words

__all__ = ["VOCAB"]

_IA = r"ia"
_AI = (
    r"\b(?:genai|llms?|gpus?|hpc)\b|\binteligências?\sartificia(?:l|is)\b|"
    r"\baprendizado\s(?:de\smáquina|profundo)|\baprendizagem\s(?:automática|profunda)|"
    r"\bmachine\slearning\b|\bgenerativ[ao]s?\b|\bmodelos?\s(?:de\slinguagem|fundacionais|"
    rf"de\s{_IA}|de\sinteligência|grandes?)|\bgrandes?\smodelos?\b|\bsupercomputad\w+|"
    r"\bsupercomputação|\bcomputação\sde\salto\sdesempenho|\bcapacidade\sde\s(?:computação|"
    r"processamento|cálculo)|\bpoder\scomputacional|\bchips?\b|\bsemicondutor\w*|\bprocessador"
    r"(?:es)?\sgráficos?|\bcentros?\sde\sdados\b|\bdata\s?cent(?:er|re)s?\b|\bchatbots?\b|"
    r"\bassistentes?\svirtua(?:l|is)|\bexaflops?|\bpetaflops?|\bredes\sneurais"
)

# "its own models", "su propia IA": building one's own capability, as English says it.
_OWN = (
    r"\b(?:seus|nossos)\spróprios\s(?:modelos|sistemas\sde\s(?:ia|inteligência\sartificial)|"
    r"supercomputadores|data\scenters)|\b(?:sua|nossa)\sprópria\s(?:ia|"
    r"inteligência\sartificial|nuvem|capacidade\sde\scomputação|infraestrutura)|\b(?:seu|"
    r"nosso)\spróprio\s(?:modelo|llm|supercomputador)"
)

VOCAB = Vocabulary(
    ai=words(_AI, case=r"\b(?:IA|AI)\b"),  # "ia" is a verb
    strong=words(
        _OWN + "|"
        rf"\b(?:{_IA}|inteligência\sartificial)\ssoberana\b|\bsoberania\s(?:[\w-]+\s){{0,2}}?"
        rf"(?:digital|tecnológica)|\bsoberania\s(?:em\s)?(?:{_IA}|inteligência)|"
        r"\b(?:modelos?|infraestruturas?|nuvem|computação|capacidade|dados)\s(?:[\w-]+\s){0,4}?"
        r"soberan[ao]s?\b|\bautonomia\s(?:estratégica\s)?(?:digital|tecnológica)|\bindependência\s"
        r"tecnológica|\bPlano\sBrasileiro\sde\s(?:Inteligência\sArtificial|IA)\b|\bpbia\b|"
        rf"\bestratégia\snacional\sde\s(?:{_IA}|inteligência\sartificial)|\bsupercomputador\w*\s"
        rf"(?:nacional|público)|\b(?:{_IA}|inteligência\sartificial)\spública|\bfinanciad[ao]s?\s"
        r"com\s(?:recursos|fundos|dinheiro)\spúblicos|\bgigafábrica\w*\sde\sia"
    ),
    conditional=words(
        rf"\bestratégia\s(?:de\s)?(?:{_IA}|inteligência\sartificial)|\bplano\s(?:nacional\s)?"
        rf"de\s(?:{_IA}|inteligência\sartificial)|\bfábricas?\sde\s{_IA}|\bai\sfactor(?:y|ies)"
    ),
    plans=words(r"\bNova\sIndústria\sBrasil\b|\bPAC\b|\bPRR\b|\bPlano\sde\sRecuperação\b"),
    public=words(
        r"\bgovernos?\b|\bgovernamenta(?:l|is)\b|\bministéri\w+|\bministr[oa]s?\b|\bexecutivo\b|"
        r"\b(?:planalto|itamaraty|mcti|bndes|finep|cnpq|serpro|dataprev|lncc)\b|"
        r"\bestata(?:l|is)\b|\bpúblic[oa]s?\b|\bnaciona(?:l|is)\b|\bfedera(?:l|is)\b|"
        r"\bcomissão\seuropeia|\bunião\seuropeia|\bue\b|\beurohpc|\bprefeituras?\b|"
        r"\bmunicipa(?:l|is)\b|\bsecretari[ao]\sde\sestado|\bcontribuintes|\bsoberan\w+|"
        r"\bconselho\sde\sministros|\bpresident[ea]\sda\srepública|\bprimeiro-ministro|"
        r"\bautarquias?|\bestatais",
        case=r"\b(?:Estado|SUS|FCT)\b",
    ),
    build=words(
        r"\b(?:constru\w+|desenvolv\w+|invest\w+|financi\w+|lanç\w+|lanc\w+|apresent\w+|"
        r"implant\w+|inaugur\w+|compr(?:a|ar|ou|ará|am)|adquir\w+|aquisiç\w+|trein\w+|"
        r"cri(?:ar|ará|ou|ação)|"
        r"estabelec\w+|planos?|programas?|projetos?|prevê|previst\w+|aprov\w+|adot\w+|destin\w+|"
        r"mobiliz\w+|subsídi\w+|apoi\w+|impuls\w+|instal\w+|abr(?:e|em|iu|irá|ir)|"
        r"centros?\sde\sdados|"
        r"supercomputad\w+|infraestruturas?|modelos?|llm|gpu)\b"
    ),
    money=words(
        r"(?:R\$|US\$|[$€£¥])\s?\d|\d[\d\s.,]*\s?(?:bilhões|bilhão|milhões|milhão|mil\smilhões|"
        r"mil)?\s?(?:de\s)?(?:reais|euros?|dólares|€|\$|usd|eur)\b|\d[\d\s.,]*\s?(?:bilhões|"
        r"bilhão|milhões|milhão)\b"
    ),
    funding=words(
        r"\b(?:financi\w+|invest\w+|orçament\w+|destin\w+|subsídi\w+|fundos?|verbas?|aport\w+|"
        r"recursos)\b"
    ),
    enforcement=words(
        r"\b(?:multas?|multad[oa]|sanç\w+|tribuna(?:l|is)|justiça|juiz|juízes|processo\sjudicial|"
        r"ação\sjudicial|denúncia\w*|sentença\w*|ministério\spúblico|investigaç\w+|regulador\w*|"
        r"anpd|cnpd|proteção\sde\sdados|dados\spessoais|privacidade|consentimento|"
        r"direitos\sautorais|direitos\sde\sautor|deepfakes?|ilega(?:l|is)|ilícit\w+|infraç\w+|"
        r"proib\w+|LGPD)\b"
    ),
    lawmaking=words(
        r"\b(?:lei|leis|projeto\sde\slei|PL\s\d|legislaç\w+|legislativ\w+|vot\w+|regulament\w+|"
        r"regulaç\w+|regul\w+|normas?|ética|éticos?|conformidade|decreto|diretiva|marco\slegal|"
        r"ai\sact)\b"
    ),
    finance=words(
        r"\b(?:faturamento|receita\s(?:líquida|trimestral)|resultados\s(?:trimestrais|anuais|"
        r"financeiros)|trimestre|lucro\s(?:líquido|operacional)|acionistas?|ações\s(?:subiram|"
        r"caíram)|na\sbolsa|analistas|margem\s(?:bruta|operacional)|dividendos?|"
        r"valor\sde\smercado)\b"
    ),
    company=words(
        r"\b(?:parcerias?|parceiros?|acordos?\scomerciais|clientes?|contratos?|aquisiç\w+|"
        r"fusão|fusões|subsidiárias?|joint\sventure|ltda|inc|corp|ltd)\b",
        case=r"\b(?:S\.A\.|S/A)",
    ),
    deal=words(
        r"\b(?:compra\sde|comprar|adquire|adquirir|aquisiç\w+|fusão|vende|vender|venda\sde|"
        r"participação\sem|controle\sda)\b"
    ),
    venture=words(
        r"\b(?:joint\sventure|empresa\sconjunta|se\salia\w*|aliança\scom|"
        r"parceria\s(?:estratégica\s)?"
        r"(?:com|entre)|se\sassocia\w*|comercializ\w+|lança\s(?:um|uma|seu|sua|seus)\s(?:nov\w+\s)?"
        r"(?:serviço|oferta|produto|assistente|aplicativo|ferramenta|linha|chip)|apresenta\s"
        r"(?:seu|sua|seus)\s(?:nov\w+\s)?(?:produto|serviço|chip|assistente)|rodada\sde\s"
        r"(?:investimento|captação)|capta\s(?:R\$|US\$))"
    ),
    other_sector=words(
        r"\b(?:ferrovi\w+|trens|metrô|rodovias?|estradas?|portos?|aeroportos?|merenda|"
        r"agricult\w+|agrícolas?|agronegócio|fibra\sóptica|banda\slarga|5g|6g|telecomunicaç\w+|"
        r"hospita(?:l|is)|habitaç\w+|moradias?|previdência|aposentadorias?)\b"
    ),
    denies=words(
        rf"\bnada\sa\sver\scom\s(?:a\s)?(?:{_IA}|inteligência)|\bnão\s(?:é\s)?(?:destinad[oa]\sà|"
        rf"para\sa)\s(?:{_IA}|inteligência)"
        r"|\bnão\s(?:vai\s)?(?:produzir|fabricar|fornecer|servir|produzirá|fabricará|"
        r"será\susad[oa])\s[^.]{0,40}?para\s(?:a\s)?(?:ia|inteligência)"
    ),
    chips=words(r"\b(?:chips?|semicondutor\w*|processador\w*)\b"),
    non_ai_chips=words(
        r"\b(?:chips?|semicondutor\w*)\sde\spotência|\b(?:chips?|"
        r"semicondutor\w*)\spara\s(?:carros|veículos|automóveis|a\sindústria\sautomotiva|"
        r"a\srede)|\bcarbeto\sde\ssilício"
    ),
)
