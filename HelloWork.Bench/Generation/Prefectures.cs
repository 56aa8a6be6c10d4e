using HelloWork.Domain.Data.Demo;

namespace HelloWork.Bench.Generation;

/// <summary>The 47 prefectures with their capital, a station and a postal code, weighted by population (万人, rounded)
/// so that Tokyo gets many more establishments and offers than Tottori, as in the real data.</summary>
public static class Prefectures
{
    public sealed record Prefecture(int Code, string Name, int Weight, Vocabulary.Place[] Places);

    private static readonly (string Name, string City, string Station, string Postal, int Weight)[] Table =
    [
        ("北海道", "札幌市中央区", "札幌駅", "060-0001", 510), ("青森県", "青森市", "青森駅", "030-0801", 120), ("岩手県", "盛岡市", "盛岡駅", "020-0034", 118),
        ("宮城県", "仙台市青葉区", "仙台駅", "980-0021", 226), ("秋田県", "秋田市", "秋田駅", "010-0001", 93), ("山形県", "山形市", "山形駅", "990-0039", 103),
        ("福島県", "福島市", "福島駅", "960-8031", 179), ("茨城県", "水戸市", "水戸駅", "310-0015", 284), ("栃木県", "宇都宮市", "宇都宮駅", "320-0802", 191),
        ("群馬県", "前橋市", "前橋駅", "371-0023", 191), ("埼玉県", "さいたま市浦和区", "浦和駅", "330-0063", 734), ("千葉県", "千葉市中央区", "千葉駅", "260-0015", 627),
        ("東京都", "新宿区", "新宿駅", "160-0023", 1404), ("神奈川県", "横浜市西区", "横浜駅", "220-0011", 923), ("新潟県", "新潟市中央区", "新潟駅", "950-0086", 213),
        ("富山県", "富山市", "富山駅", "930-0002", 101), ("石川県", "金沢市", "金沢駅", "920-0853", 111), ("福井県", "福井市", "福井駅", "910-0006", 75),
        ("山梨県", "甲府市", "甲府駅", "400-0031", 80), ("長野県", "長野市", "長野駅", "380-0823", 202), ("岐阜県", "岐阜市", "岐阜駅", "500-8856", 194),
        ("静岡県", "静岡市葵区", "静岡駅", "420-0851", 355), ("愛知県", "名古屋市中村区", "名古屋駅", "450-0002", 748), ("三重県", "津市", "津駅", "514-0009", 173),
        ("滋賀県", "大津市", "大津駅", "520-0055", 140), ("京都府", "京都市下京区", "京都駅", "600-8216", 253), ("大阪府", "大阪市北区", "梅田駅", "530-0001", 877),
        ("兵庫県", "神戸市中央区", "三宮駅", "650-0021", 537), ("奈良県", "奈良市", "近鉄奈良駅", "630-8213", 130), ("和歌山県", "和歌山市", "和歌山駅", "640-8331", 90),
        ("鳥取県", "鳥取市", "鳥取駅", "680-0835", 54), ("島根県", "松江市", "松江駅", "690-0003", 65), ("岡山県", "岡山市北区", "岡山駅", "700-0024", 185),
        ("広島県", "広島市南区", "広島駅", "732-0822", 274), ("山口県", "山口市", "山口駅", "753-0043", 130), ("徳島県", "徳島市", "徳島駅", "770-0831", 70),
        ("香川県", "高松市", "高松駅", "760-0011", 93), ("愛媛県", "松山市", "松山駅", "790-0003", 130), ("高知県", "高知市", "高知駅", "780-0056", 67),
        ("福岡県", "福岡市博多区", "博多駅", "812-0012", 510), ("佐賀県", "佐賀市", "佐賀駅", "840-0801", 80), ("長崎県", "長崎市", "長崎駅", "850-0058", 128),
        ("熊本県", "熊本市西区", "熊本駅", "860-0047", 171), ("大分県", "大分市", "大分駅", "870-0035", 110), ("宮崎県", "宮崎市", "宮崎駅", "880-0811", 105),
        ("鹿児島県", "鹿児島市", "鹿児島中央駅", "890-0053", 156), ("沖縄県", "那覇市", "旭橋駅", "900-0021", 147),
    ];

    public static readonly string[] Towns = ["本町", "中央", "栄町", "幸町", "緑町", "旭町", "若葉", "駅前", "東町", "西町", "南町", "北町", "新町", "元町", "昭和町"];

    public static readonly string[] OfficeSuffixes = ["", "東", "西", "南", "北", "中央", "第二", "第三", "第四", "第五"];

    public static readonly IReadOnlyList<Prefecture> All = [.. Table.Select((p, i) => new Prefecture(i + 1, p.Name, p.Weight,
        [new Vocabulary.Place(p.Name, p.City, Towns[i % Towns.Length] + $"{1 + i % 5}-{1 + i % 9}-{1 + i % 7}", p.Station, p.Postal),
            .. Vocabulary.Places.Where(v => v.Prefecture == p.Name)]))];

    public static readonly int TotalWeight = All.Sum(p => p.Weight);

    /// <summary>A prefecture drawn in proportion to its weight.</summary>
    public static Prefecture Pick(Random rnd)
    {
        var x = rnd.Next(TotalWeight);
        foreach (var p in All)
        {
            if ((x -= p.Weight) < 0)
            {
                return p;
            }
        }
        return All[^1];
    }
}
