"""Japanese country words and role cues.

Japanese news names a country by its kanji or katakana name (日本, 米国, ドイツ), by a
one-kanji abbreviation (米, 中, 独) before a government, a company or a pair (米政府,
米オープンAI, 日米), and names its own state by its bodies alone (政府, 経済産業省, 首相官邸):
"政府は" in a Japanese paper is Japan's government unless a country's name precedes it.
One-kanji abbreviations are also ordinary words (米 rice, 中 inside, 独 in 独自 "own"),
so they count only in those positions. The subject takes は or が and the verb ends the
clause, so an act is looked for in the rest of the clause.
"""

from __future__ import annotations

import re

from bot.analysis.country_words import Kind, Word, alternation
from bot.analysis.intl.countries_lexicon import Found, Table, build
from bot.analysis.intl.countries_roles import Roles

__all__ = ["LEXICON", "ROLES"]

TABLE: Table = {
    "JP": (
        "日本|我が国|わが国|日本国",
        "日本人",
        "東京|都内|大阪|京都|横浜|名古屋|福岡|札幌|北海道|神戸|仙台|広島|沖縄|千葉|埼玉|"
        "茨城|つくば|柏の葉|石狩|九州|関西|関東|東日本|西日本|首都圏",
    ),
    "US": (
        "米国|アメリカ|米合衆国",
        "米国人",
        "ワシントン|ニューヨーク|シリコンバレー|カリフォルニア|サンフランシスコ|テキサス",
    ),
    "CN": ("中国|中華人民共和国", "中国人", "北京|上海|深圳|杭州"),
    "HK": ("香港", "", ""),
    "TW": ("台湾", "", "台北"),
    "KR": ("韓国|大韓民国", "韓国人", "ソウル|釜山"),
    "KP": ("北朝鮮", "", "平壌"),
    "GB": ("英国|イギリス", "", "ロンドン"),
    "DE": ("ドイツ", "", "ベルリン|ミュンヘン|フランクフルト"),
    "FR": ("フランス", "", "パリ"),
    "IT": ("イタリア", "", "ローマ|ミラノ"),
    "ES": ("スペイン", "", "マドリード|バルセロナ"),
    "PT": ("ポルトガル", "", "リスボン"),
    "NL": ("オランダ", "", "アムステルダム"),
    "BE": ("ベルギー", "", ""),
    "CH": ("スイス", "", "ジュネーブ|チューリッヒ|ルガーノ"),
    "AT": ("オーストリア", "", "ウィーン"),
    "SE": ("スウェーデン", "", "ストックホルム"),
    "NO": ("ノルウェー", "", "オスロ"),
    "DK": ("デンマーク", "", "コペンハーゲン"),
    "FI": ("フィンランド", "", "ヘルシンキ"),
    "PL": ("ポーランド", "", "ワルシャワ"),
    "RU": ("ロシア", "", "モスクワ"),
    "UA": ("ウクライナ", "", "キーウ|キエフ"),
    "IN": ("インド", "", "ニューデリー|デリー|ムンバイ|ベンガルール|バンガロール"),
    "PK": ("パキスタン", "", ""),
    "ID": ("インドネシア", "", "ジャカルタ"),
    "MY": ("マレーシア", "", "クアラルンプール"),
    "SG": ("シンガポール", "", ""),
    "TH": ("タイ", "", "バンコク"),
    "VN": ("ベトナム", "", "ハノイ|ホーチミン"),
    "PH": ("フィリピン", "", "マニラ"),
    "AU": ("オーストラリア|豪州", "", "キャンベラ|シドニー|メルボルン"),
    "NZ": ("ニュージーランド", "", ""),
    "CA": ("カナダ", "", "オタワ|トロント|モントリオール"),
    "MX": ("メキシコ", "", ""),
    "BR": ("ブラジル", "", "サンパウロ"),
    "AR": ("アルゼンチン", "", ""),
    "SA": ("サウジアラビア|サウジ", "", "リヤド"),
    "AE": ("アラブ首長国連邦|UAE", "", "ドバイ|アブダビ"),
    "QA": ("カタール", "", "ドーハ"),
    "IL": ("イスラエル", "", ""),
    "TR": ("トルコ", "", "イスタンブール"),
    "EG": ("エジプト", "", "カイロ"),
    "ZA": ("南アフリカ", "", ""),
    "NG": ("ナイジェリア", "", ""),
    "KE": ("ケニア", "", "ナイロビ"),
    "EU": ("欧州連合|EU", "", "ブリュッセル"),
}

BODIES = {
    "JP": "内閣府|内閣官房|首相官邸|官邸|経済産業省|経産省|総務省|文部科学省|文科省|財務省|"
    "外務省|防衛省|デジタル庁|衆議院|参議院|衆院|参院|自民党|閣議|閣議決定|"
    "産業技術総合研究所|産総研|理化学研究所|理研|情報通信研究機構|"
    "新エネルギー・産業技術総合開発機構|NEDO|富岳|ABCI|国立情報学研究所|科学技術振興機構|"
    "霞が関|永田町|日本銀行|日銀|公正取引委員会|個人情報保護委員会|東京都|大阪府|北海道庁|"
    "福岡県|神奈川県|愛知県|最高裁判所|最高裁|東京地裁|大阪地裁|東京高裁|大阪高裁|知財高裁",
    "US": "ホワイトハウス|国防総省|米議会|米連邦議会",
    "CN": "全人代|中国共産党",
    "KR": "青瓦台",
    "EU": "欧州委員会|欧州議会",
}
# Bodies of whichever country is named just before ("米政府", "インド政府"), else Japan's.
GENERIC = {"政府": "JP", "首相": "JP", "国会": "JP", "内閣": "JP"}
HOME = {"国内": "JP", "国産": "JP"}
LANGUAGES = {"JP": "日本語", "CN": "中国語", "KR": "韓国語", "FR": "フランス語", "DE": "ドイツ語"}
IGNORE = (
    "日本経済新聞|日経|日本経済団体連合会|中国地方|中国電力|中国新聞|北米|南米|中南米|欧米|"
    "東南アジア|日本電気|日本電信電話|日本航空|全日本空輸|日本放送協会|米ドル|英語"
)

_ABBREV = {
    "日": "JP",
    "米": "US",
    "中": "CN",
    "韓": "KR",
    "英": "GB",
    "独": "DE",
    "仏": "FR",
    "露": "RU",
    "豪": "AU",
    "印": "IN",
    "伊": "IT",
    "欧": "EU",
    "台": "TW",
}
# 米政府, 米オープンAI, 中ファーウェイ, 英首相: an abbreviation before a state or a company.
_ALONE = re.compile(
    r"(?<![一-龥])([米中韓英独仏露豪印伊])(?=[ァ-ヴ][ァ-ヴー]|[A-Z]|政府|大統領|首相|当局|議会|"
    r"企業|大手|系|国防|商務|財務|国務|連邦|軍|紙|市場|テック|IT|半導体|株式市場|政権|司法省|"
    r"商務省|国務省|エネルギー省|通商代表部)"
)
# A headline's "米、" or "独、": the abbreviation as the subject, at the start.
_HEADLINE = re.compile(r"^([米中韓英独仏露豪印伊台])(?=、)")
# 日米, 米中, 日米欧: pairs and triples before a relation, a summit or a particle ("日中"
# is also "daytime", so it needs a relation after it).
_RELATION = (
    r"首脳|関係|協力|同盟|連携|間|貿易|交渉|合意|対立|摩擦|会談|外相|両国|両政府|共同|対話|競争|覇権|"
    r"デジタル|経済|半導体|技術|AI|・"
)
_PAIR = re.compile(
    r"(?<![一-龥])(?:(日米欧|日米韓|日米豪|日米|日韓|日英|日独|日仏|日豪|日印|日欧|日伊|米中|米欧|米英|"
    rf"米韓|米露|中露|中韓)(?={_RELATION}|[にとのがはでをも])|(日中)(?={_RELATION}))"
)
_ANAPHOR = re.compile(r"同国|同政府")  # "the said country", "the said government"


def _more(text: str) -> list[Found]:
    out: list[Found] = []
    for m in (*_ALONE.finditer(text), *_HEADLINE.finditer(text)):
        out.append((m.start(), m.end(), Word(_ABBREV[m.group(1)], Kind.NAME, m.group(1))))
    for m in _PAIR.finditer(text):
        for i, ch in enumerate(m.group(1) or m.group(2)):
            out.append((m.start() + i, m.start() + i + 1, Word(_ABBREV[ch], Kind.NAME, ch)))
    for m in _ANAPHOR.finditer(text):
        out.append((m.start(), m.end(), Word("?", Kind.NAME, m.group(0))))
    return out


LEXICON = build(
    "ja",
    TABLE,
    BODIES,
    generic=GENERIC,
    home=HOME,
    languages=LANGUAGES,
    ignore=IGNORE,
    more=_more,
    script="ja",
)

_GOV = (
    r"(?:政府|当局|大統領|首相|議会|連邦政府|州政府|内閣|政権|[一-龥]{1,6}省|[一-龥ァ-ヴー]{1,6}庁)"
)
_SUBJ = r"(?:は|が|も|、|として)"
# Trie-built (country_words.alternation): the clause is scanned position by position.
_ACT_WORDS = (
    "計上|支援|整備|投資|投じ|発表|決定|決め|打ち出|創設|開始|導入|拡充|"
    "配分|充て|盛り込|表明|策定|開発|構築|立ち上げ|調達|設立|公募|推進|"
    "後押し|補助|助成|拠出|出資|選定|採択|始め|始動|着手|設置|建設|開設|"
    "増強|強化|計画|目指|乗り出|進め|整え|確保|購入|承認|提供|稼働|公開|"
    "創出|促|確立|踏み切|打ち出し|乗り出し|用意|拠点"
)
_ACT = alternation(_ACT_WORDS.split("|"))
_SAY_WORDS = "述べ|語っ|語る|強調|説明|話し|話す|明らかにし|指摘|示し|訴え|言及|コメント"
_SAY = alternation(_SAY_WORDS.split("|"))
ROLES = Roles(
    acts_after=re.compile(rf"^{_GOV}?{_SUBJ}[^。]{{0,160}}?(?:{_ACT})"),
    says_after=re.compile(rf"^{_GOV}?{_SUBJ}[^。]{{0,160}}?(?:{_SAY})"),
    subject_after=re.compile(rf"^{_GOV}?(?:は|が|も)"),
    passing_before=re.compile(r"(?:訪問中の|来日した|来日中の)$"),
    passing_after=re.compile(
        r"^(?![はがも])(?:[（(][^）)]{0,15}[）)])?(?:(?:や|と|、|・|及び|および|など)"
        r"[^、。はが]{0,12}?)*?(?:と比べ|に比べ|と比較|に比較|を上回|を下回|に次ぐ|に続い|に続き|"
        r"に追い|を追う|を追い|に対抗|並み|のよう|と同様|に倣|にならい|に遅れ|と並|に匹敵|を訪問|"
        r"を訪れ|から来日|への依存|に依存|頼み|製の)"
    ),
    source_after=re.compile(r"^[^。]{0,60}?(?:によると|によれば|の調べでは|の調査では|の統計では)"),
    modifier_after=re.compile(
        r"^(?:[ァ-ヴ][ァ-ヴー・]+|[A-Z][A-Za-z]+|の?[^、。はがをにで]{0,8}?(?:大手|企業|メーカー|"
        r"スタートアップ|新興企業|ベンチャー|勢|製|系|IT|テック|ビッグテック|顧客|取引先|市場|"
        r"向け(?:の)?(?:輸出|販売|出荷)))"
    ),
    similar_after=re.compile(r"^[^。.]{0,80}?(?:同様の|似た|類似の|同じような)"),
    window=200,
)
