"""Portuguese words for quotes: “…” and «…» with "disse", "afirmou", "declarou", "segundo".

Like Spanish, Portuguese drops the subject ("…”, acrescentou."), and European papers
use « » where Brazilian ones use “ ”; the subject may follow the verb with a role
("afirmou a ministra da Ciência, Ana Lopes").
"""

from __future__ import annotations

from bot.analysis.intl.quotes_lexicon import LatinWords, split

__all__ = ["PORTUGUESE"]

_PAST = split(
    """disse afirmou declarou explicou acrescentou salientou sublinhou destacou ressaltou
    indicou assegurou garantiu referiu frisou apontou comentou defendeu admitiu
    reconheceu respondeu concluiu avaliou considerou observou alertou advertiu
    argumentou anunciou detalhou enfatizou lembrou contou relatou revelou adiantou
    informou reforçou insistiu pontuou escreveu completou ponderou criticou
    disseram afirmaram declararam explicaram acrescentaram destacaram defenderam"""
)
_PRESENT = split(
    """diz afirma declara explica acrescenta salienta sublinha destaca ressalta indica
    assegura garante refere frisa aponta comenta defende admite reconhece responde
    conclui avalia considera observa alerta adverte argumenta anuncia detalha enfatiza
    lembra conta relata revela adianta informa reforça insiste pontua escreve completa
    pondera critica dizem afirmam defendem"""
)
_PERFECT = tuple(
    f"{aux} {p}"
    for aux in ("tem", "têm", "tinha", "havia")
    for p in split("dito afirmado declarado explicado defendido sublinhado destacado")
)

PORTUGUESE = LatinWords(
    verbs=_PAST + _PRESENT + _PERFECT,
    pronoun_verbs=(),
    according=split("segundo de_acordo_com conforme na_opinião_de nas_palavras_de"),
    according_after=(),
    pronouns=frozenset(split("ele ela eles elas")),
    honorifics=frozenset(split("Sr. Sra. Srª Dr. Dra. Prof. Profª Profa. Eng. Dom Dona")),
    roles=split(
        """ministro ministra presidente presidenta diretor diretora diretor-geral
        diretora-geral director directora CEO fundador fundadora cofundador cofundadora
        pesquisador pesquisadora investigador investigadora professor professora
        secretário secretária secretário-executivo comissário comissária deputado
        deputada senador senadora prefeito prefeita autarca vereador vereadora assessor
        assessora conselheiro conselheira responsável delegado delegada chefe dirigente
        economista analista especialista porta-voz vice-presidente embaixador embaixadora
        governador governadora sócio sócia advogado advogada engenheiro engenheira reitor
        reitora coordenador coordenadora head gerente gestor gestora representante
        primeiro-ministro primeira-ministra CTO presidente-executivo"""
    ),
    role_suffixes=(),
    spokespeople=split("porta-voz representante fonte fontes assessoria"),
    org_words=split(
        """Estado ministério governo comissão agência empresa companhia sociedade grupo startup
        instituto universidade escola centro fundação associação federação sindicato
        banco conselho autoridade secretaria laboratório organismo fundo plataforma
        operadora consórcio aliança Planalto Congresso Senado Câmara Assembleia
        Prefeitura"""
    ),
    statements=split("comunicado nota declaração carta mensagem documento"),
    articles=frozenset(split("o a os as um uma do da dos das no na ao à seu sua este esta")),
    openers=frozenset(
        split(
            """O A Os As Um Uma Do Da Dos Das No Na Nos Nas Ao Ele Ela Eles Elas Segundo
            Para Mas E Ou Em Com Sem Sobre Sob Após Durante Desde Até Por Como Se Quando
            Enquanto Assim Além Também Hoje Ontem Seu Sua Nosso Nossa Entre Ante Embora
            Pois Já Não Sim Cada Outro Outra Este Esta Esse Essa Isso Aqui Ali"""
        )
    ),
    particles=frozenset(split("de da do das dos")),
    naming=split(
        """intitulado intitulada denominado denominada chamado chamada batizado batizada
        projeto programa plano relatório iniciativa conferência cúpula cimeira evento
        encontro fórum congresso livro filme lema slogan estratégia missão edital
        concurso lei texto campanha marca selo série podcast seminário"""
    ),
    relatives=frozenset(split("que quem qual quais cujo cuja onde")),
    for_words=("para",),
    addressee=("à", "ao", "aos", "às"),
    kinds=split("empresa companhia grupo startup operadora"),
    definite=frozenset(split("o a os as")),
    days=frozenset(
        split(
            """Segunda-feira Terça-feira Quarta-feira Quinta-feira Sexta-feira Sábado
            Domingo Janeiro Fevereiro Março Abril Maio Junho Julho Agosto Setembro
            Outubro Novembro Dezembro"""
        )
    ),
)
