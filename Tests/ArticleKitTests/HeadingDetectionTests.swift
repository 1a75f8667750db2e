import Foundation
import XCTest

@testable import ArticleKit

/// Scores the heading detector on the labelled fixtures in Fixtures/Headings: articles
/// written for the project in nine languages, full of lines that look like headings
/// and are not (captions, bylines, dates, "Read also" lists, share blocks, kickers).
final class HeadingDetectionTests: XCTestCase {
    struct Label: Decodable { let title: String; let headings: [String] }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/Headings")

    func testPrecisionAndRecallOnLabelledFixtures() throws {
        let labels = try JSONDecoder().decode(
            [String: Label].self, from: Data(contentsOf: Self.folder.appendingPathComponent("labels.json")))
        XCTAssertGreaterThanOrEqual(labels.count, 40)
        var hits = 0, falseAlarms = 0, misses = 0, titlesRight = 0
        var mistakes: [String] = []
        for (file, label) in labels.sorted(by: { $0.key < $1.key }) {
            let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(file)))
            let article = try ArticleParser().parse(bytes, source: file)
            if TitleKey(article.title) == TitleKey(label.title) {
                titlesRight += 1
            } else {
                mistakes.append("\(file): title \(article.title)")
            }
            var expected = label.headings.map(TitleKey.init)
            for found in article.headings.map(TitleKey.init) {
                if let i = expected.firstIndex(of: found) {
                    expected.remove(at: i)
                    hits += 1
                } else {
                    falseAlarms += 1
                    mistakes.append("\(file): false alarm \"\(found)\"")
                }
            }
            misses += expected.count
            mistakes += expected.map { "\(file): missed \"\($0)\"" }
        }
        let precision = Double(hits) / Double(max(1, hits + falseAlarms))
        let recall = Double(hits) / Double(max(1, hits + misses))
        print(
            String(
                format:
                    "heading detection on %d fixtures: precision %.3f, recall %.3f (%d hits, %d false alarms, %d misses); titles %d/%d",
                labels.count, precision, recall, hits, falseAlarms, misses, titlesRight, labels.count))
        for m in mistakes { print("  " + m) }
        XCTAssertEqual(titlesRight, labels.count)
        // The learned model takes some pull quotes (a quoted line between paragraphs) for
        // headings: these fixtures say they are not, while real pages mark some such lines
        // up as headings (docs/HEADINGS.md). Precision was 1.00 with the rules, 0.94 with the
        // model of issue 14; issue 22's model, trained on the HTML pool too and better on pages
        // it never saw (held-aside pool F1 0.63 -> 0.70), finds 11 pull quotes here: 0.86; its
        // second pass, chosen for languages it never saw, 13 false alarms: 0.87.
        XCTAssertGreaterThanOrEqual(precision, 0.85)
        XCTAssertGreaterThanOrEqual(recall, 0.95)
    }
}
