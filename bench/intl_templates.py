"""Invented paragraph templates in each language with rules of its own, for the
benchmark: quotes, money in the language's scale words, counts, countries and the
vocabulary of sovereign AI, as that language's press writes them."""

from __future__ import annotations

TITLES = {
    "ja": "{c}政府、国産AI向け計算資源に{n}億円",
    "ko": "정부, 소버린 AI 컴퓨팅 센터에 {n}억원 투입",
    "fr": "{c} : un supercalculateur public pour l'IA souveraine",
    "de": "Bundesregierung plant souveräne KI-Rechenzentren",
    "es": "El Gobierno impulsa un modelo de lenguaje público en español",
    "pt": "Governo lança plano de IA soberana com supercomputador público",
    "it": "Il governo lancia un piano per l'IA sovrana e un supercalcolatore pubblico",
}
COUNTRIES = {
    "ja": ["日本"],
    "ko": ["한국"],
    "fr": ["La France", "La Suisse", "Le Canada"],
    "de": ["Deutschland", "Österreich"],
    "es": ["España", "México", "Chile"],
    "pt": ["O Brasil", "Portugal"],
    "it": ["L'Italia"],
}
PEOPLE = {
    "ja": ["鷲尾千景", "山科遥斗", "宇喜多恒一"],
    "ko": ["한서윤", "박도현"],
    "fr": ["Claire Vasseur", "Étienne Morel"],
    "de": ["Jana Brückner", "Lukas Ehrhardt"],
    "es": ["Lucía Ortega Ruiz", "Andrés Beltrán"],
    "pt": ["Marina Tavares", "João Albuquerque"],
    "it": ["Giulia Ferrante", "Marco Beltrami"],
}
TEMPLATES = {
    "ja": [
        "{c}政府は{d}、国産の大規模言語モデルを開発するため計算資源を増強すると発表した。",
        "経済産業省は補正予算案に{n}億円を計上し、GPU{g}万基規模のデータセンターを整備する。",
        "{p}理事長は記者会見で「国内に計算資源を持つことが欠かせない」と述べた。",
        "{p}氏はさらに「大学や企業が誰でも使える基盤にしたい」と強調した。",
        "新しいスーパーコンピューターは{m}メガワットの電力を使い、{a}年間で段階的に拡張される。",
        "関係者によると、国内の生成AI利用率は{pc}%にとどまっている。",
    ],
    "ko": [
        "과학기술정보통신부는 {d} 국가 AI 컴퓨팅 센터를 세우겠다고 밝혔다.",
        "정부는 GPU {g}만 개를 확보하는 데 {n}억원을 투입한다.",
        "{p} 장관은 “우리말 데이터로 학습한 모델이 필요하다”고 말했다.",
        "{p} 장관은 “대학과 스타트업에 계산 자원을 개방하겠다”고 강조했다.",
        "센터는 {m}메가와트 규모로 {a}년 안에 완공될 예정이다.",
    ],
    "fr": [
        "{c} a annoncé {d} un plan pour doter les laboratoires publics d'un supercalculateur.",
        "Le ministère consacrera {n} millions d'euros au projet, qui comptera {g} 000 GPU.",
        "« Nous ne pouvons pas confier nos données à d'autres », a déclaré la ministre {p}.",
        "« Ce modèle de langage sera ouvert à toutes les universités », a-t-elle ajouté.",
        "Les premiers {m} mégawatts seront disponibles d'ici {a} mois, selon le ministère.",
        "Le budget, en hausse de {pc} %, s'inscrit dans la stratégie nationale pour l'IA.",
    ],
    "de": [
        "{c} will bis {d} ein staatliches KI-Rechenzentrum für die Forschung aufbauen.",
        "Der Bund stellt dafür {n} Millionen Euro bereit, das System soll {g}.000 GPU umfassen.",
        "„Wir brauchen eigene Rechenkapazität für souveräne KI“, sagte Ministerin {p}.",
        "„Die Hochschulen sollen den Rechner kostenlos nutzen können“, betonte {p}.",
        "Die erste Ausbaustufe mit {m} Megawatt soll in {a} Monaten in Betrieb gehen.",
        "Der Anteil der Unternehmen, die KI nutzen, stieg um {pc} Prozent.",
    ],
    "es": [
        "{c} anunció el {d} un plan para dotar a las universidades de un superordenador.",
        "El Gobierno destinará {n} millones de euros al proyecto, que contará con {g}.000 GPU.",
        "“Queremos un modelo de lenguaje propio, entrenado en español”, afirmó {p}.",
        "“Este proyecto refuerza nuestra soberanía tecnológica”, añadió {p}.",
        "Los primeros {m} megavatios estarán listos en {a} meses, según el ministerio.",
        "El presupuesto crece un {pc} % respecto al año anterior.",
    ],
    "pt": [
        "{c} anunciou na {d} um plano de IA soberana para as universidades públicas.",
        "O governo vai investir {n} milhões de reais no supercomputador, com {g} mil GPUs.",
        "“Precisamos de dados e modelos nossos”, disse a ministra {p}.",
        "“O modelo será treinado em português”, afirmou {p}.",
        "A primeira fase, de {m} megawatts, ficará pronta em {a} meses.",
    ],
    "it": [
        "{c} ha annunciato {d} un piano per dotare le università di un supercalcolatore.",
        "Il governo stanzierà {n} milioni di euro per il progetto, con {g}.000 GPU.",
        "«Serve un modello linguistico italiano e pubblico», ha detto la ministra {p}.",
        "«Le università potranno usarlo gratuitamente», ha aggiunto {p}.",
        "I primi {m} megawatt saranno pronti entro {a} mesi, secondo il ministero.",
    ],
}
DAYS = {
    "ja": ["5日", "12日"],
    "ko": ["5일", "12일"],
    "fr": ["mardi", "vendredi"],
    "de": ["2027", "2028"],
    "es": ["martes", "viernes"],
    "pt": ["terça-feira", "sexta-feira"],
    "it": ["martedì", "venerdì"],
}
