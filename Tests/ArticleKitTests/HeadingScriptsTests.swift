import Foundation
import GazetteTestSupport
import XCTest

@testable import ArticleKit

/// Issue 22, script neutrality: the detector's features measure Greek, Chinese, Japanese, Korean and
/// other scripts' text as they measure Latin text (docs/HEADINGS.md, the fourth pass). The capitals
/// features are kept as they were. Articles written for these tests in the style of real pages; each
/// test fails when its fix is taken out.
final class HeadingScriptsTests: XCTestCase {
    func headings(_ blocks: [String], title: String = "Report") throws -> [String] {
        let bytes = Fixture(title: title, blocks: blocks).bytes
        return try ArticleParser(detector: HeadingDetector()).parse(bytes, source: "t.txt").headings
    }

    /// The named features of block `i` among `blocks`, as the model sees them.
    func features(_ blocks: [String], at i: Int) -> [String: Double] {
        var window = HeadingWindow()
        for b in blocks { window.append(b) }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: HeadingFeatures.count) { buffer in
            var w = HeadingFeatures.Writer(values: buffer, names: [])
            HeadingFeatures.write(into: &w, window, at: i)
            return Dictionary(uniqueKeysWithValues: zip(w.names ?? [], buffer))
        }
    }

    // MARK: end marks

    /// Half-width and small-form CJK marks, the double marks and the Devanagari double danda end a
    /// line as their ASCII counterparts do (they were letters before).
    func testMoreEndMarks() {
        XCTAssertEqual(BlockShape("港の整備が進む｡").last, .period)
        XCTAssertEqual(BlockShape("नया बंदरगाह बनेगा॥").last, .period)
        XCTAssertEqual(BlockShape("What now‼").last, .exclamation)
        XCTAssertEqual(BlockShape("What now﹗").last, .exclamation)
        XCTAssertEqual(BlockShape("Who pays⁇").last, .question)
        XCTAssertEqual(BlockShape("Who pays⁉").last, .question)
        XCTAssertEqual(BlockShape("Who pays﹖").last, .question)
        XCTAssertTrue(BlockShape("港の整備が進む｡").endsSentence)
    }

    /// Other scripts by Unicode category: Armenian and Vietnamese capitals are capitals, the katakana
    /// middle dot is a symbol, not a letter.
    func testOtherScriptsByUnicodeCategory() {
        XCTAssertEqual(BlockShape("Հայաստան").first, .upper)
        XCTAssertEqual(BlockShape("Ảnh hưởng").first, .upper)
        XCTAssertEqual(BlockShape("ảnh hưởng").first, .lower)
        XCTAssertEqual(BlockShape("・").first, .symbol)
    }

    // MARK: Greek questions

    static let greek = [
        "Ο Οργανισμός Λιμένος Πειραιώς ανακοίνωσε τη Δευτέρα ότι η διακίνηση εμπορευματοκιβωτίων αυξήθηκε κατά τέσσερα τοις εκατό στο τρίτο τρίμηνο, κυρίως λόγω φορτίων από την Ασία.",
        "Τι αλλάζει για τους επιβάτες;",
        "Από τον Μάρτιο τα πλοία της γραμμής προς τα νησιά θα αναχωρούν από τη νέα προβλήτα. Η μετακίνηση θα γίνει σταδιακά, είπε εκπρόσωπος του λιμανιού, ώστε να μην υπάρξουν καθυστερήσεις.",
        "Οι ναυτιλιακές εταιρείες ζητούν περισσότερους χώρους στάθμευσης για τα φορτηγά που περιμένουν στην πύλη.",
        "Πότε θα ολοκληρωθούν τα έργα;",
        "Σύμφωνα με το χρονοδιάγραμμα, οι εργασίες θα τελειώσουν το 2027. Το κόστος εκτιμάται σε ογδόντα εκατομμύρια ευρώ, μέρος των οποίων θα καλύψουν ευρωπαϊκά κονδύλια.",
        "Οι κάτοικοι της περιοχής έχουν ζητήσει μέτρα για τον θόρυβο και την κίνηση κατά τη διάρκεια των έργων.",
    ]

    /// Greek writes "?" as ";" (ASCII or U+037E): a question, not a sentence's end.
    func testGreekSemicolonIsAQuestion() throws {
        XCTAssertEqual(BlockShape("Τι αλλάζει για τους επιβάτες;").last, .question)
        XCTAssertEqual(BlockShape("Τι αλλάζει για τους επιβάτες\u{037E}").last, .question)
        XCTAssertFalse(BlockShape("Πότε θα ολοκληρωθούν τα έργα;").endsSentence)
        // Elsewhere ";" is still a semicolon.
        XCTAssertEqual(BlockShape("Costs rose; fares did not;").last, .semicolon)
        XCTAssertEqual(try headings(Self.greek), ["Τι αλλάζει για τους επιβάτες;", "Πότε θα ολοκληρωθούν τα έργα;"])
    }

    // MARK: Chinese, Japanese, Korean

    static let chinese = [
        "上海港务局周一公布，第三季度集装箱吞吐量同比增长百分之四，主要得益于来自东南亚和中东的货物。港务局发言人表示，全年有望恢复到去年的水平。",
        "扩建计划",
        "按照计划，洋山港将在二〇二七年前新建两个泊位，可停靠吃水十五米的大型船舶。工程将于明年春季开工，届时相关审批手续预计已经完成。",
        "部分航运公司担心，施工期间港区交通会更加拥堵，要求港务局增加集卡停车场。",
        "下一步怎么办？",
        "港务局表示，将与周边城市协调运输线路，并在夜间开放更多闸口。项目总投资约八十亿元，其中一部分来自地方政府专项债券。",
        "业内人士认为，扩建完成后上海港的国际竞争力将进一步提高。",
    ]

    /// Short Chinese headings, with and without a full-width "？"; a long unspaced sentence has many
    /// words, not one.
    func testChineseShortHeadingsAreFound() throws {
        XCTAssertEqual(BlockShape("扩建计划").words, 2)
        XCTAssertGreaterThan(BlockShape(Self.chinese[0]).words, 15)
        XCTAssertEqual(BlockShape("下一步怎么办？").last, .question)
        XCTAssertEqual(try headings(Self.chinese), ["扩建计划", "下一步怎么办？"])
    }

    static let japanese = [
        "横浜港の第3四半期のコンテナ取扱量は前年同期比4％増となったと、港湾局が月曜日に発表した。アジアからの貨物が伸びたことが主な要因だという。",
        "新しい岸壁の整備",
        "港湾局によると、2027年までに水深15メートルの岸壁を2つ新設する。工事は来春に始まる予定で、国の許可を待っている段階だという。",
        "一方で、周辺の道路ではトラックの渋滞が深刻になっており、住民からは対策を求める声が上がっている。",
        "なぜ今、値上げなのか？",
        "港湾局は、施設の維持費が増えていることを理由に挙げた。使用料の改定は10年ぶりで、船会社との協議は年内にまとまる見通しだ。",
        "船会社の担当者は「急な値上げは困る」と話しており、協議は難航も予想される。",
    ]

    func testJapaneseShortHeadingsAreFound() throws {
        XCTAssertGreaterThan(BlockShape(Self.japanese[2]).words, 15)
        XCTAssertEqual(try headings(Self.japanese), ["新しい岸壁の整備", "なぜ今、値上げなのか？"])
    }

    static let korean = [
        "부산항만공사는 3분기 컨테이너 물동량이 지난해 같은 기간보다 4% 늘었다고 월요일 밝혔다. 동남아시아와 중동에서 들어오는 화물이 크게 늘어난 덕분이라고 공사는 설명했다.",
        "신항 확장 계획",
        "공사에 따르면 2027년까지 수심 15미터 선석 두 곳을 새로 짓는다. 공사는 내년 봄에 시작되며 정부 승인을 기다리고 있는 단계다.",
        "주변 도로에서는 화물차 정체가 심해지고 있어 주민들이 대책을 요구하고 있다.",
        "요금은 왜 오르나",
        "공사는 시설 유지비가 늘어난 것을 이유로 들었다. 사용료 개정은 10년 만이며 선사들과의 협의는 연내에 마무리될 전망이다.",
        "선사 관계자는 갑작스러운 인상은 부담이 된다고 말했다.",
    ]

    /// Korean puts spaces between words: a short Korean heading is still "short CJK".
    func testKoreanShortHeadingsAreFound() throws {
        XCTAssertEqual(features(Self.korean, at: 1)["short CJK"], 1)
        XCTAssertEqual(try headings(Self.korean), ["신항 확장 계획", "요금은 왜 오르나"])
    }
}
