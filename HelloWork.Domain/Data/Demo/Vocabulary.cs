namespace HelloWork.Domain.Data.Demo;

/// <summary>Realistic Japanese building blocks for demo and benchmark data.</summary>
public static class Vocabulary
{
    public sealed record Place(string Prefecture, string Municipality, string Address, string Station, string PostalCode);

    public sealed record Occupation(string Code, string Title, string Industry, string Description, string Requirements);

    public static readonly Place[] Places =
    [
        new("東京都", "千代田区", "飯田橋3-4-1", "飯田橋駅", "102-0072"),
        new("東京都", "新宿区", "西新宿2-8-1", "新宿駅", "163-8001"),
        new("東京都", "港区", "芝浦1-2-3", "田町駅", "108-0023"),
        new("東京都", "八王子市", "明神町4-5-6", "八王子駅", "192-0046"),
        new("神奈川県", "横浜市中区", "本町6-50-10", "関内駅", "231-0005"),
        new("神奈川県", "川崎市川崎区", "東田町8", "川崎駅", "210-0005"),
        new("埼玉県", "さいたま市浦和区", "高砂3-15-1", "浦和駅", "330-0063"),
        new("千葉県", "千葉市中央区", "市場町1-1", "千葉駅", "260-0855"),
        new("大阪府", "大阪市中央区", "大手前2-1-22", "天満橋駅", "540-0008"),
        new("大阪府", "堺市堺区", "南瓦町3-1", "堺東駅", "590-0078"),
        new("京都府", "京都市下京区", "烏丸通七条下る", "京都駅", "600-8216"),
        new("兵庫県", "神戸市中央区", "加納町6-5-1", "三宮駅", "650-0001"),
        new("愛知県", "名古屋市中区", "三の丸3-1-2", "市役所駅", "460-0001"),
        new("福岡県", "福岡市博多区", "博多駅前3-2-1", "博多駅", "812-0011"),
        new("北海道", "札幌市中央区", "北1条西2丁目", "大通駅", "060-0001"),
        new("宮城県", "仙台市青葉区", "本町3-8-1", "仙台駅", "980-0014"),
        new("広島県", "広島市中区", "基町10-52", "紙屋町東駅", "730-0011"),
        new("沖縄県", "那覇市", "泉崎1-2-2", "旭橋駅", "900-0021"),
    ];

    public static readonly Occupation[] Occupations =
    [
        new("053-01", "一般事務", "サービス業", "来客対応、電話応対、書類作成（Word・Excel）、データ入力、郵便物の仕分けなど一般事務全般をお任せします。", "Excelの基本操作ができる方"),
        new("054-02", "経理事務", "卸売業", "伝票の起票、会計ソフトへの入力、売掛金・買掛金の管理、月次決算の補助を担当していただきます。", "簿記3級以上歓迎"),
        new("072-01", "営業", "卸売業", "既存取引先へのルート営業。新商品の提案、受発注、納期調整を行います。社用車を使用します。", "普通自動車運転免許（AT限定可）"),
        new("091-01", "介護職員", "医療，福祉", "特別養護老人ホームでの入浴・食事・排泄介助、レクリエーションの企画と実施、介護記録の作成。", "介護職員初任者研修修了者歓迎"),
        new("091-03", "訪問介護員", "医療，福祉", "利用者様のご自宅を訪問し、身体介護・生活援助を行います。移動は社用車または自転車です。", "介護職員初任者研修以上"),
        new("081-02", "看護師", "医療，福祉", "クリニックでの外来診療補助、採血、点滴、患者様への説明など。夜勤はありません。", "正看護師免許"),
        new("063-01", "販売スタッフ", "小売業", "店舗での接客販売、レジ、品出し、在庫管理、売場づくりを担当していただきます。", "未経験歓迎"),
        new("096-01", "調理補助", "宿泊業，飲食サービス業", "給食センターでの調理補助、盛り付け、食器洗浄。衛生管理を徹底した職場です。", "不問"),
        new("085-01", "保育士", "教育，学習支援業", "認可保育園での0〜5歳児の保育、連絡帳の記入、行事の準備。", "保育士資格"),
        new("104-01", "製造オペレーター", "製造業", "自動車部品の製造ラインにおける機械操作、品質検査、梱包作業。丁寧に指導します。", "不問"),
        new("111-02", "フォークリフト運転", "運輸業，郵便業", "物流倉庫での入出庫作業、フォークリフトによる荷役、ピッキング。", "フォークリフト運転技能講習修了"),
        new("121-01", "配送ドライバー", "運輸業，郵便業", "2トントラックで決まったルートの店舗へ食品を配送します。手積み・手降ろしは少なめです。", "準中型自動車免許"),
        new("017-01", "システムエンジニア", "情報通信業", "業務システムの要件定義、設計、開発、テスト。在宅勤務可。チームで進めます。", "Java・C#などの開発経験2年以上"),
        new("018-02", "Webデザイナー", "情報通信業", "自社サイト・ECサイトのデザイン、バナー制作、HTML/CSSのコーディング。", "Photoshop・Illustratorの実務経験"),
        new("131-01", "施工管理", "建設業", "マンション新築工事の施工管理（工程・品質・安全・原価）。現場は都内中心です。", "2級建築施工管理技士以上"),
        new("141-01", "清掃スタッフ", "サービス業", "オフィスビルの日常清掃（床・トイレ・ゴミ回収）。短時間勤務も相談可。", "不問"),
        new("151-01", "警備員", "サービス業", "商業施設の施設警備、巡回、出入管理、防災センター業務。研修制度あり。", "不問"),
        new("101-01", "農作業員", "農業，林業", "ハウス栽培のトマトの収穫、選別、出荷作業。繁忙期は土曜出勤あり。", "不問"),
    ];

    /// <summary>An industry of the Japan Standard Industrial Classification (日本標準産業分類): its 中分類 code and name.</summary>
    public sealed record Industry(string Code, string Name);

    /// <summary>A demo establishment: its name (with the legal form its trade has), its industry, and the occupations it hires for
    /// (codes of <see cref="Occupations"/>), so that a nursery is a 社会福祉法人 in 社会保険・社会福祉・介護事業 offering 保育士.</summary>
    public sealed record Company(string Name, Industry Industry, string[] Occupations)
    {
        /// <summary>Who signs for it: a 理事長 for a social-welfare or medical corporation, else a 代表取締役.</summary>
        public string Representative => Name.StartsWith("社会福祉法人", StringComparison.Ordinal) || Name.StartsWith("医療法人", StringComparison.Ordinal)
            ? "理事長" : Name.StartsWith("合同会社", StringComparison.Ordinal) ? "代表社員" : "代表取締役";
    }

    private static readonly Industry Farming = new("01", "農業");
    private static readonly Industry Construction = new("06", "総合工事業");
    private static readonly Industry Food = new("09", "食料品製造業");
    private static readonly Industry Printing = new("15", "印刷・同関連業");
    private static readonly Industry Chemicals = new("16", "化学工業");
    private static readonly Industry Machinery = new("26", "生産用機械器具製造業");
    private static readonly Industry Electrical = new("29", "電気機械器具製造業");
    private static readonly Industry Vehicles = new("31", "輸送用機械器具製造業");
    private static readonly Industry Software = new("39", "情報サービス業");
    private static readonly Industry Freight = new("44", "道路貨物運送業");
    private static readonly Industry FoodWholesale = new("52", "飲食料品卸売業");
    private static readonly Industry MaterialsWholesale = new("53", "建築材料，鉱物・金属材料等卸売業");
    private static readonly Industry FoodRetail = new("58", "飲食料品小売業");
    private static readonly Industry CarRetail = new("59", "機械器具小売業");
    private static readonly Industry OtherRetail = new("60", "その他の小売業");
    private static readonly Industry RealEstate = new("68", "不動産取引業");
    private static readonly Industry Engineering = new("74", "技術サービス業（他に分類されないもの）");
    private static readonly Industry Medical = new("83", "医療業");
    private static readonly Industry Welfare = new("85", "社会保険・社会福祉・介護事業");
    private static readonly Industry BusinessServices = new("92", "その他の事業サービス業");

    /// <summary>The thirty demo establishments, in the order the demo seeds them (the first is employer1's, the second employer2's).</summary>
    public static readonly Company[] Companies =
    [
        new("株式会社みらい商事", FoodWholesale, ["072-01", "054-02", "053-01", "111-02", "121-01"]),
        new("有限会社さくら介護サービス", Welfare, ["091-03", "091-01", "053-01"]),
        new("株式会社東和物流", Freight, ["121-01", "111-02", "053-01"]),
        new("株式会社ひかり製作所", Vehicles, ["104-01", "111-02", "054-02"]),
        new("社会福祉法人あおぞら保育会", Welfare, ["085-01", "096-01"]),
        new("株式会社大和システム", Software, ["017-01", "018-02", "072-01"]),
        new("社会福祉法人なごみ福祉会", Welfare, ["091-01", "081-02", "096-01"]),
        new("株式会社フジ建設", Construction, ["131-01", "053-01", "054-02"]),
        new("株式会社はるかフーズ", Food, ["104-01", "096-01", "121-01"]),
        new("株式会社光栄ビルサービス", BusinessServices, ["141-01", "053-01"]),
        new("株式会社つばさ運輸", Freight, ["121-01", "111-02"]),
        new("株式会社北斗精機", Machinery, ["104-01", "072-01", "054-02"]),
        new("有限会社やまびこ農園", Farming, ["101-01", "121-01"]),
        new("株式会社みどり薬局", OtherRetail, ["063-01", "053-01"]),
        new("株式会社中央警備保障", BusinessServices, ["151-01", "053-01"]),
        new("株式会社シンセイ電機", Electrical, ["104-01", "072-01", "053-01"]),
        new("合同会社まごころ訪問介護", Welfare, ["091-03", "091-01"]),
        new("株式会社ことぶき食品", Food, ["104-01", "096-01", "072-01"]),
        new("医療法人社団青葉クリニック", Medical, ["081-02", "053-01"]),
        new("株式会社日の出印刷", Printing, ["104-01", "072-01", "018-02"]),
        new("株式会社ワカバ技研", Software, ["017-01", "018-02"]),
        new("社会福祉法人ゆうあい会", Welfare, ["091-01", "081-02", "096-01"]),
        new("株式会社三和商会", MaterialsWholesale, ["072-01", "054-02", "121-01"]),
        new("株式会社ミナト設計", Engineering, ["131-01", "053-01"]),
        new("株式会社くすのき不動産", RealEstate, ["072-01", "053-01"]),
        new("株式会社スマイル販売", FoodRetail, ["063-01", "096-01", "121-01"]),
        new("株式会社和光化学", Chemicals, ["104-01", "072-01", "054-02"]),
        new("株式会社あさひ自動車", CarRetail, ["072-01", "063-01", "053-01"]),
        new("社会福祉法人ほほえみ保育園", Welfare, ["085-01", "096-01"]),
        new("株式会社エムアイ情報", Software, ["017-01", "018-02", "072-01"]),
    ];

    public static Occupation OccupationOf(string code) => Occupations.Single(o => o.Code == code);

    /// <summary>Legal forms and names the benchmark generator combines freely (its data is volume, not a showcase).</summary>
    public static readonly string[] CompanyPrefixes = ["株式会社", "有限会社", "社会福祉法人", "医療法人社団", "合同会社"];

    public static readonly string[] CompanyNames =
    [
        "みらい商事", "さくら介護サービス", "東和物流", "ひかり製作所", "あおぞら保育会", "大和システム", "なごみ福祉会",
        "フジ建設", "はるかフーズ", "光栄ビルサービス", "つばさ運輸", "北斗精機", "やまびこ農園", "みどり薬局", "中央警備保障",
        "シンセイ電機", "まごころ訪問介護", "ことぶき食品", "青葉クリニック", "日の出印刷", "ワカバ技研", "ゆうあい会", "三和商会",
        "ミナト設計", "くすのき不動産", "スマイル販売", "和光化学", "あさひ自動車", "ほほえみ保育園", "エムアイ情報",
    ];

    public static readonly string[] FamilyNames = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水"];
    public static readonly string[] FamilyKana = ["サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ", "ヨシダ", "ヤマダ", "ササキ", "ヤマグチ", "マツモト", "イノウエ", "キムラ", "ハヤシ", "サイトウ", "シミズ"];
    public static readonly string[] GivenNames = ["翔太", "陽菜", "大輝", "結衣", "蓮", "美咲", "健一", "恵子", "拓也", "真由美", "直樹", "彩", "浩二", "由美", "悠人", "さくら", "和也", "明美", "誠", "奈々"];
    public static readonly string[] GivenKana = ["ショウタ", "ヒナ", "ダイキ", "ユイ", "レン", "ミサキ", "ケンイチ", "ケイコ", "タクヤ", "マユミ", "ナオキ", "アヤ", "コウジ", "ユミ", "ハルト", "サクラ", "カズヤ", "アケミ", "マコト", "ナナ"];
}
