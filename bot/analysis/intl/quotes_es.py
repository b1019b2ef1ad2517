"""Spanish words for quotes: “…” and «…» with "afirmó", "dijo", "señaló", "declara", "según".

Spanish drops the subject pronoun: "…”, añade." is the previous speaker's, and so is a
quote whose only attribution is a verb. The subject may follow the verb with a role
("declara Marc Bara, profesor de …") or come first ("X, director de Y, señala que …").
"""

from __future__ import annotations

from bot.analysis.intl.quotes_lexicon import LatinWords, split

__all__ = ["SPANISH"]

_PRETERITE = split(
    """afirmó declaró señaló explicó añadió agregó aseguró indicó subrayó destacó apuntó
    comentó sostuvo advirtió reconoció insistió manifestó expresó precisó recalcó
    remarcó concluyó resumió defendió admitió respondió planteó argumentó valoró
    celebró enfatizó anunció detalló puntualizó opinó consideró estimó relató matizó
    aclaró reiteró zanjó resaltó criticó lamentó dijo contó escribió informó comunicó
    avisó prometió garantizó"""
)
_PRESENT = split(
    """afirma declara señala explica añade agrega asegura indica subraya destaca apunta
    comenta sostiene advierte reconoce insiste manifiesta expresa precisa recalca
    remarca concluye resume defiende admite responde plantea argumenta valora celebra
    enfatiza anuncia detalla puntualiza opina considera estima relata matiza aclara
    reitera zanja resalta critica lamenta dice cuenta escribe informa comunica avisa
    promete garantiza"""
)
_PLURAL = split(
    """afirmaron declararon señalaron explicaron añadieron agregaron aseguraron indicaron
    subrayaron destacaron apuntaron comentaron sostuvieron advirtieron reconocieron
    insistieron manifestaron expresaron precisaron recalcaron concluyeron defendieron
    admitieron respondieron anunciaron detallaron consideraron aclararon reiteraron
    dijeron contaron dicen afirman declaran señalan explican añaden aseguran indican
    destacan sostienen advierten coinciden"""
)
_PERFECT = tuple(
    f"{aux} {p}"
    for aux in ("ha", "han", "había", "habían")
    for p in split(
        """dicho afirmado declarado señalado explicado añadido agregado asegurado indicado
        subrayado destacado apuntado comentado sostenido advertido reconocido insistido
        manifestado expresado precisado recalcado defendido admitido respondido
        anunciado detallado puntualizado considerado aclarado reiterado escrito"""
    )
)

SPANISH = LatinWords(
    verbs=_PRETERITE + _PRESENT + _PLURAL + _PERFECT,
    pronoun_verbs=(),
    according=split("según de_acuerdo_con a_juicio_de en_palabras_de"),
    according_after=(),
    pronouns=frozenset(split("él ella ellos ellas")),
    honorifics=frozenset(split("Sr. Sra. Srta. Don Doña D. Dña. Dr. Dra. Prof. Lic. Ing.")),
    roles=split(
        """ministro ministra presidente presidenta director directora director_general
        directora_general consejero consejera consejero_delegado consejera_delegada CEO
        fundador fundadora cofundador cofundadora investigador investigadora profesor
        profesora catedrático catedrática secretario secretaria secretario_de_Estado
        secretaria_de_Estado comisario comisaria diputado diputada senador senadora
        alcalde alcaldesa concejal concejala asesor asesora responsable delegado delegada
        jefe jefa dirigente economista analista experto experta portavoz vicepresidente
        vicepresidenta embajador embajadora gobernador gobernadora socio socia abogado
        abogada ingeniero ingeniera decano decana rector rectora coordinador coordinadora
        head manager representante especialista gerente CTO"""
    ),
    role_suffixes=(),
    spokespeople=split("portavoz portavoces representante fuente fuentes"),
    org_words=split(
        """Estado ministerio gobierno comisión agencia empresa compañía sociedad grupo startup
        start-up instituto universidad escuela centro fundación asociación federación
        sindicato banco consejo autoridad oficina observatorio parlamento congreso senado
        dirección secretaría laboratorio organismo fondo plataforma operador consorcio
        alianza Moncloa Junta Generalitat Xunta"""
    ),
    statements=split("comunicado declaración nota carta mensaje documento informe"),
    articles=frozenset(split("el la los las un una unos unas del al su sus este esta")),
    openers=frozenset(
        split(
            """El La Los Las Un Una Unos Unas Del Al Este Esta Estos Estas Ese Esa Él Ella
            Ellos Ellas Según Para Pero Y O En Con Sin Sobre Bajo Tras Durante Desde Hasta
            Por Como Si Cuando Mientras Así Además Sin_embargo También Hoy Ayer Su Sus
            Nuestro Nuestra Entre Ante Aunque Pues Ya No Sí Cada Otro Otra Allí Aquí"""
        )
    ),
    particles=frozenset(split("de del de_la de_los de_las")),
    naming=split(
        """titulado titulada titulados denominado denominada denominados llamado llamada
        llamados bautizado bautizada proyecto programa plan informe iniciativa
        conferencia cumbre evento encuentro jornada jornadas foro congreso libro película
        lema eslogan estrategia hoja_de_ruta misión convocatoria concurso ley texto
        campaña marca sello serie podcast seminario mesa_redonda ciclo"""
    ),
    relatives=frozenset(split("que quien quienes cual cuales cuyo cuya donde")),
    for_words=("para",),
    addressee=("a", "al"),
    kinds=split("empresa compañía grupo startup firma operadora"),
    definite=frozenset(split("el la los las")),
    days=frozenset(
        split(
            """Lunes Martes Miércoles Jueves Viernes Sábado Domingo Enero Febrero Marzo
            Abril Mayo Junio Julio Agosto Septiembre Octubre Noviembre Diciembre"""
        )
    ),
)
