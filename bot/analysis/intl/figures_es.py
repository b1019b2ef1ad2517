"""Spanish figure words: "5.000 millones de euros", "mil millones", "tres años", "40 por ciento".

Spain writes "1.500 millones" and "2,5 %"; much Latin-American copy writes "1,500
millones", "2.5 millones", a bare "$" for the local peso and "US$"/"dólares" for the US
dollar (`peso_sign`); Mexican copy abbreviates "mdd" (millones de dólares) and "mdp"
(millones de pesos) and writes "mil 500 millones" for 1,500 million. "Billón" is 10¹².
"""

from __future__ import annotations

from bot.analysis.intl.figures_lexicon import LOAN_NOUNS, Lexicon, glossary, numbers, pairs
from bot.analysis.numbers import word_set

__all__ = ["SPANISH"]

_NUMBERS: dict[str, float] = numbers(
    """
    un=1 una=1 uno=1 dos=2 tres=3 cuatro=4 cinco=5 seis=6 siete=7 ocho=8 nueve=9 diez=10 once=11
    doce=12 trece=13 catorce=14 quince=15 dieciséis=16 dieciseis=16 diecisiete=17 dieciocho=18
    diecinueve=19 veinte=20 veinti=20 veintiún=21 veintiuna=21 veintidós=22 veintitrés=23
    veintiséis=26 treinta=30 cuarenta=40 cincuenta=50 sesenta=60 setenta=70 ochenta=80
    noventa=90 cien=100 ciento=100 mil=1000
    """
)
for _stem, _value in (
    ("dos", 200),
    ("tres", 300),
    ("cuatro", 400),
    ("seis", 600),
    ("sete", 700),
    ("ocho", 800),
    ("nove", 900),
):
    _NUMBERS[_stem + "cientos"] = _NUMBERS[_stem + "cientas"] = _value
_NUMBERS["quinientos"] = _NUMBERS["quinientas"] = 500

_NOUNS = glossary(
    """
    GPU: unidades_de_procesamiento_gráfico procesadores_gráficos tarjetas_gráficas
    chip: semiconductores
    processor: procesador procesadores
    accelerator: acelerador aceleradores
    server: servidor servidores
    node: nodo nodos
    core: núcleos
    supercomputer: supercomputador supercomputadores supercomputadora supercomputadoras
    supercomputer: superordenador superordenadores
    computer: ordenador ordenadores computadora computadoras computador computadores
    data center: centro_de_datos centros_de_datos centros_de_procesamiento_de_datos
    research center: centro_de_investigación centros_de_investigación
    center: centro centros
    parameter: parámetro parámetros
    language: idioma idiomas lengua lenguas
    word: palabra palabras
    model: modelo modelos
    engineer: ingeniero ingenieros ingeniera ingenieras
    researcher: investigador investigadores investigadora investigadoras
    scientist: científico científicos científica científicas
    professor: profesor profesores profesora profesoras catedrático catedráticos
    teacher: docente docentes maestro maestros maestras
    student: estudiante estudiantes alumno alumnos alumnas
    PhD student: doctorando doctorandos doctorandas
    developer: desarrollador desarrolladores desarrolladora desarrolladoras
    employee: empleado empleados empleada empleadas
    worker: trabajador trabajadores trabajadoras
    civil servant: funcionario funcionarios funcionarias
    executive: ejecutivo ejecutivos directivo directivos
    technician: técnico técnicos técnica técnicas
    expert: experto expertos experta expertas especialista especialistas
    talent: talentos
    person: persona personas
    user: usuario usuarios usuaria usuarias
    customer: cliente clientes
    citizen: ciudadano ciudadanos ciudadanas
    inhabitant: habitante habitantes
    job: empleo empleos puesto_de_trabajo puestos_de_trabajo
    company: empresa empresas compañía compañías
    SME: pyme pymes
    startup: empresas_emergentes
    unicorn: unicornio unicornios
    university: universidad universidades
    school: escuela escuelas colegio colegios
    laboratory: laboratorio laboratorios
    institute: instituto institutos
    hospital: hospital hospitales
    project: proyecto proyectos
    application: aplicación aplicaciones candidatura candidaturas solicitud solicitudes
    partner: socio socios
    member: miembro miembros
    participant: participante participantes
    country: país países
    member state: estado_miembro estados_miembros
    autonomous community: comunidades_autónomas
    region: región regiones
    city: ciudad ciudades
    municipality: municipio municipios ayuntamientos
    ministry: ministerio ministerios
    agency: agencia agencias
    site: sede sedes
    factory: fábrica fábricas planta plantas
    gigafactory: gigafactoría gigafactorías gigafactory gigafactories
    patent: patente patentes
    satellite: satélite satélites
    robot: robot robots
    scholarship: beca becas
    """
)

SPANISH = Lexicon(
    lang="es",
    numbers=_NUMBERS,
    ones=("un", "una"),
    halves=r"medio",
    connectors=frozenset({"y"}),
    scales=numbers(
        """
        millón=1e6 millones=1e6 millon=1e6 mil_millones=1e9 millardo=1e9 millardos=1e9
        billón=1e12 billones=1e12 mil=1e3
        """
    ),
    symbol_scales={"M": 1e6, "MM": 1e6, "k": 1e3},
    currencies=pairs(
        """
        euro=EUR euros=EUR dólar=DOLLAR dólares=DOLLAR dolares=DOLLAR peso=peso pesos=peso
        real=BRL reales=BRL sol=PEN soles=PEN libra=GBP libras=GBP yen=JPY yenes=JPY yuan=CNY
        yuanes=CNY won=KRW wones=KRW rupia=rupee rupias=rupee franco=franc francos=franc
        dirham=dirham dirhams=dirham riyal=riyal riyales=riyal rublo=RUB rublos=RUB
        """
    ),
    guarded=frozenset({"real", "sol", "soles", "libra", "libras", "franco", "won"}),
    currency_adjectives=pairs(
        """
        estadounidenses=USD americanos=USD de_estados_unidos=USD canadienses=CAD
        australianos=AUD de_singapur=SGD mexicanos=MXN argentinos=ARS chilenos=CLP
        colombianos=COP suizos=CHF esterlinas=GBP brasileños=BRL
        """
    ),
    adjectives_before={},
    of=r"(?:de\s+)",
    percent=r"por\s?ciento|puntos?\s+porcentuales?",
    durations=pairs(
        """
        año=year años=year mes=month meses=month semana=week semanas=week día=day días=day
        década=decade décadas=decade
        """
    ),
    nouns={**LOAN_NOUNS, **_NOUNS},
    pre_adjectives=word_set(
        """próximos próximas nuevos nuevas nuevo nueva grandes gran pequeñas pequeños jóvenes
        primeros primeras últimos últimas otros otras principales mejores futuros futuras
        antiguos verdaderos altos"""
    ),
    between=r"entre",
    and_=r"y|e",
    from_=r"de|desde",
    to=r"a|al|hasta",
    change_to="",
    change_verbs=(
        r"pas[aóeé]\w*|aument\w*|crec\w*|creci\w*|sub\w*|baj\w*|reduc\w*|reduj\w*|dispar\w*"
        r"|elev\w*|duplic\w*|tripl\w*|ampli\w*|increment\w*|dismin\w*|ca[eíy]\w*|salt\w*"
        r"|recort\w*|multiplic\w*"
    ),
    hedges=(
        r"(?:algo\s+|poco\s+)?(?:más|menos)\s+de|unos|unas|cerca\s+de|alrededor\s+de"
        r"|aproximadamente|casi|hasta|al\s+menos|por\s+lo\s+menos|en\s+torno\s+a|apenas"
    ),
    ago_before=r"(?<!desde\s)hace",
    after_span=r"después|más\s+tarde|antes|atrás|de\s+edad",
    age_before=r"a\s+los|a\s+sus|con|edad\s+de",
    share=r"de\s+cada|de",
    share_percent=r"de\s+cada",
    fraction_of=r"de|del|los|las",
    labels=word_set(
        """artículo capítulo página número núm n.º nº versión fase etapa nivel categoría
        puesto top edición generación parte temporada"""
    ),
    bound=frozenset({"veinti"}),
    peso_sign=True,
    extra={"mdd": "USD", "mdp": "MXN"},
)
