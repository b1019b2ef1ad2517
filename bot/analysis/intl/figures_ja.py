"""Japanese figure words: 円, ドル, 億, 基, 人, 社, カ国, 年間, カ月, パーセント, 割, メガワット.

A count is a number with a counter (GPU1万基, 1万基のGPU, 研究者200人, 5社) or with a noun
that counts itself (700億パラメーター, 1000言語). A year is a span only as 年間 or before
以内/で/かけて; 2023年度 and 24年度 are fiscal years, 令和6年 a date.
"""

from __future__ import annotations

from bot.analysis.intl.figures_lexicon import CjkLexicon, noun_table, pairs

__all__ = ["JAPANESE"]


NOUNS_JA = noun_table(
    """
    GPU | h: GPU 画像処理半導体 画像処理装置 グラフィックス処理装置
    chip | h: 半導体 チップ AI半導体
    server | h: サーバー サーバ
    supercomputer | h: スーパーコンピューター スーパーコンピュータ スパコン
    data center | hl: データセンター データ・センター
    computer | h: コンピューター コンピュータ
    node | h: ノード
    accelerator | h: アクセラレーター 加速器
    parameter | a: パラメーター パラメータ
    token | a: トークン
    language | a: 言語
    model | a: モデル
    word | a: 単語
    engineer | p: エンジニア 技術者
    researcher | p: 研究者 研究員
    scientist | p: 科学者
    professor | p: 教授
    student | p: 学生 大学生 大学院生 生徒
    developer | p: 開発者
    employee | p: 社員 従業員 職員
    talent | p: 人材
    expert | p: 専門家
    user | p: 利用者 ユーザー ユーザ
    participant | p: 参加者
    company | o: 企業 会社 事業者
    startup | o: スタートアップ 新興企業
    university | so: 大学
    school | s: 学校 高校
    institute | ol: 研究所 研究機関
    country | c: 国 カ国 か国 国・地域
    municipality | o: 自治体
    project | a: プロジェクト
    site | l: 拠点
    """
)

JAPANESE = CjkLexicon(
    lang="ja",
    currencies=pairs(
        """
        円=JPY ドル=USD 米ドル=USD 豪ドル=AUD カナダドル=CAD シンガポールドル=SGD 香港ドル=HKD
        台湾ドル=TWD NZドル=NZD ユーロ=EUR
        ウォン=KRW 人民元=CNY 元=CNY ポンド=GBP ルピー=INR スイスフラン=CHF フラン=CHF
        リンギット=MYR バーツ=THB ルピア=IDR
        ディルハム=AED リヤル=SAR レアル=BRL ペソ=MXN ルーブル=RUB
        """
    ),
    currency_guard=r"(?!)",
    percent=r"%(?:ポイント)?|パーセント(?:ポイント)?|ポイント",
    capacity=pairs(
        """
        MW=MW GW=GW kW=kW TW=TW MWh=MWh GWh=GWh メガワット=MW ギガワット=GW キロワット=kW
        テラワット=TW
        エクサフロップス=EFLOPS ペタフロップス=PFLOPS EFLOPS=EFLOPS PFLOPS=PFLOPS
        エクサフロップ=EFLOPS ペタフロップ=PFLOPS
        """
    ),
    years=r"年間|年(?=以内|で(?!は)|にわた|かけ|計画|越し)",
    months=r"[カかヶケヵ箇]月(?:間)?",
    weeks=r"週間",
    days=r"日間",
    bare_year=r"年",
    span_lead=r"(?:今後|向こう|この|過去|直近|最長|最大|約)$",
    point_after=r"後|前|ぶり|目|連続|来|経過|半",
    counters={
        "基": ("h", None),
        "台": ("h", None),
        "個": ("ha", None),
        "枚": ("h", None),
        "機": ("h", None),
        "人": ("p", "person"),
        "名": ("p", "person"),
        "社": ("o", "company"),
        "カ国": ("c", "country"),
        "か国": ("c", "country"),
        "ヶ国": ("c", "country"),
        "ケ国": ("c", "country"),
        "ヵ国": ("c", "country"),
        "カ所": ("l", None),
        "か所": ("l", None),
        "ヶ所": ("l", None),
        "箇所": ("l", None),
        "拠点": ("l", "site"),
        "校": ("s", "school"),
        "大学": ("s", "university"),
        "団体": ("o", None),
        "機関": ("o", None),
        "つ": ("halosc", None),
    },
    nouns=NOUNS_JA,
    particles=r"を|が|は|も|の数は|数は|数",
    hedges=r"約|およそ|計|合計|総計|総数|総額|最大|最小|少なくとも|延べ|ざっと",
    link=r"(?:以上|超|余り|近く|程度|規模|前後|もの|分)?の?",
    not_count_after=r"目|当たり|あたり|ずつ|以下|未満",
    era=r"(?:令和|平成|昭和|西暦|第|毎|同|昨|今|来|前|No\.|#)$",
    spaced=False,
    share=r"に|中|のうち",
    tenths=r"割(?!引|合|安|高|り)",
)
