"""Portuguese figure words: "R$ 1,5 bilhão", "5 bilhões de reais", "mil milhões", "por cento".

Brazil says "bilhão" (10⁹) and "trilhão", abbreviates "R$ 2 bi" and "R$ 300 mi";
Portugal says "mil milhões" (10⁹) and "bilião" (10¹²). "De X para Y" is a change (two
figures), "de X a Y" a range.
"""

from __future__ import annotations

from bot.analysis.intl.figures_lexicon import LOAN_NOUNS, Lexicon, glossary, numbers, pairs
from bot.analysis.numbers import word_set

__all__ = ["PORTUGUESE"]

_NUMBERS: dict[str, float] = numbers(
    """
    um=1 uma=1 dois=2 duas=2 três=3 tres=3 quatro=4 cinco=5 seis=6 sete=7 oito=8 nove=9 dez=10
    onze=11 doze=12 treze=13 catorze=14 quatorze=14 quinze=15 dezesseis=16 dezasseis=16
    dezessete=17 dezassete=17 dezoito=18 dezenove=19 dezanove=19 vinte=20 trinta=30 quarenta=40
    cinquenta=50 sessenta=60 setenta=70 oitenta=80 noventa=90 cem=100 cento=100 duzentos=200
    duzentas=200 trezentos=300 trezentas=300 quatrocentos=400 quatrocentas=400 quinhentos=500
    quinhentas=500 seiscentos=600 seiscentas=600 setecentos=700 setecentas=700 oitocentos=800
    oitocentas=800 novecentos=900 novecentas=900 mil=1000
    """
)

_NOUNS = glossary(
    """
    GPU: unidades_de_processamento_gráfico processadores_gráficos placas_de_vídeo
    GPU: placas_gráficas
    chip: semicondutores
    processor: processador processadores
    accelerator: acelerador aceleradores
    server: servidor servidores
    core: núcleos
    supercomputer: supercomputador supercomputadores
    computer: computador computadores
    data center: centro_de_dados centros_de_dados
    research center: centro_de_pesquisa centros_de_pesquisa centros_de_investigação
    center: centro centros polo polos
    parameter: parâmetro parâmetros
    language: idioma idiomas língua línguas
    word: palavra palavras
    model: modelo modelos
    engineer: engenheiro engenheiros engenheira engenheiras
    researcher: pesquisador pesquisadores pesquisadora pesquisadoras investigador
    researcher: investigadores investigadora investigadoras
    scientist: cientista cientistas
    professor: professor professores professora professoras
    teacher: docente docentes
    student: estudante estudantes aluno alunos alunas
    PhD student: doutorando doutorandos doutorandas
    developer: desenvolvedor desenvolvedores programador programadores
    employee: funcionário funcionários funcionária funcionárias empregado empregados
    employee: colaborador colaboradores
    worker: trabalhador trabalhadores trabalhadoras
    civil servant: servidor_público servidores_públicos
    executive: executivo executivos dirigente dirigentes
    technician: técnico técnicos técnica técnicas
    expert: especialista especialistas
    talent: talentos
    person: pessoa pessoas
    user: usuário usuários usuária usuárias utilizador utilizadores
    customer: cliente clientes
    citizen: cidadão cidadãos cidadãs
    inhabitant: habitante habitantes
    job: emprego empregos vaga vagas posto_de_trabalho postos_de_trabalho
    company: empresa empresas companhia companhias
    SME: pme pmes
    unicorn: unicórnio unicórnios
    university: universidade universidades
    school: escola escolas
    laboratory: laboratório laboratórios
    institute: instituto institutos
    hospital: hospital hospitais
    project: projeto projetos projecto projectos
    application: aplicação aplicações aplicativo aplicativos candidatura candidaturas
    partner: parceiro parceiros
    member: membro membros
    participant: participante participantes
    country: país países
    member state: estado-membro estados-membros
    state: estados
    region: região regiões
    city: cidade cidades
    municipality: município municípios prefeituras
    ministry: ministério ministérios
    agency: agência agências
    site: sede sedes
    factory: fábrica fábricas
    patent: patente patentes
    satellite: satélite satélites
    robot: robô robôs
    scholarship: bolsa bolsas
    """
)

PORTUGUESE = Lexicon(
    lang="pt",
    numbers=_NUMBERS,
    ones=("um", "uma"),
    halves=r"meio",
    connectors=frozenset({"e"}),
    scales=numbers(
        """
        milhão=1e6 milhões=1e6 milhao=1e6 milhoes=1e6 mil_milhões=1e9 bilhão=1e9 bilhões=1e9
        bilhao=1e9 bilhoes=1e9 bilião=1e12 biliões=1e12 trilhão=1e12 trilhões=1e12 mil=1e3
        """
    ),
    symbol_scales=numbers(
        """
        mi=1e6 bi=1e9 tri=1e12 M=1e6 k=1e3
        """
    ),
    currencies=pairs(
        """
        real=BRL reais=BRL euro=EUR euros=EUR dólar=DOLLAR dólares=DOLLAR dolares=DOLLAR
        libra=GBP libras=GBP iene=JPY ienes=JPY iuane=CNY iuanes=CNY yuan=CNY yuans=CNY won=KRW
        rupia=rupee rupias=rupee peso=peso pesos=peso franco=franc francos=franc rublo=RUB
        rublos=RUB
        """
    ),
    guarded=frozenset({"real", "libra", "libras", "franco"}),
    currency_adjectives=pairs(
        """
        americanos=USD norte-americanos=USD estadunidenses=USD dos_estados_unidos=USD
        canadenses=CAD australianos=AUD suíços=CHF esterlinas=GBP mexicanos=MXN argentinos=ARS
        chilenos=CLP colombianos=COP de_singapura=SGD
        """
    ),
    adjectives_before={},
    of=r"(?:de\s+)",
    percent=r"por\s?cento|pontos?\s+percentuais|p\.p\.",
    durations=pairs(
        """
        ano=year anos=year mês=month mes=month meses=month semana=week semanas=week dia=day
        dias=day década=decade décadas=decade
        """
    ),
    nouns={**LOAN_NOUNS, **_NOUNS},
    pre_adjectives=word_set(
        """próximos próximas novos novas novo nova grandes grande pequenas pequenos jovens primeiros
        primeiras últimos últimas outros outras principais melhores futuros futuras
        antigos verdadeiros"""
    ),
    between=r"entre",
    and_=r"e",
    from_=r"de|desde",
    to=r"a|até",
    change_to=r"para",
    change_verbs=(
        r"pass\w*|aument\w*|cresc\w*|subi\w*|sobe\w*|caiu|ca[ií]\w*|reduz\w*|reduzi\w*|elev\w*"
        r"|duplic\w*|tripl\w*|ampli\w*|salt\w*|recu\w*|diminu\w*|multiplic\w*"
    ),
    hedges=(
        r"(?:pouco\s+)?(?:mais|menos)\s+de|cerca\s+de|aproximadamente|quase|até|pelo\s+menos"
        r"|em\s+torno\s+de|perto\s+de|ao\s+redor\s+de|uns|umas|por\s+volta\s+de"
    ),
    ago_before=r"há|ha",
    after_span=r"depois|mais\s+tarde|antes|atrás|de\s+idade",
    age_before=r"aos|com|idade\s+de",
    share=r"em\s+cada|de\s+cada|de",
    share_percent=r"em\s+cada|de\s+cada",
    fraction_of=r"de|do|da|dos|das",
    labels=word_set(
        """artigo capítulo página número nº n.º versão fase etapa nível categoria posição
        top edição geração parte temporada"""
    ),
)
