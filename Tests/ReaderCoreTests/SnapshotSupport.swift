import ArticleKit
import Foundation
import GazetteTestSupport
import XCTest

@testable import ReaderCore

/// Screen snapshots, as ratatui tests widgets against a buffer: the text of every
/// row, then a map of the styles (one letter per cell). Stored under Snapshots/;
/// set GAZETTE_RECORD=1 to write them anew, then read the diff before committing.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func styleLetter(_ style: Style) -> Character {
        switch style.role {
        case .normal: return style.bold ? "b" : (style.reverse ? "r" : ".")
        case .titleBar: return "T"
        // The title is drawn as a heading is; only a theme tells them apart.
        case .heading, .title: return "H"
        case .statusBar: return style.bold ? "!" : "S"
        case .match: return "m"
        case .currentMatch: return "M"
        case .link: return "L"
        case .dim: return "d"
        case .selection: return "R"
        case .error: return "E"
        case .caption: return "c"
        case .code: return "C"
        }
    }

    static func describe(_ screen: Screen) -> String {
        var out = "size \(screen.width)x\(screen.height)"
        if let c = screen.cursor { out += ", cursor \(c.row),\(c.column)" }
        out += "\n"
        let border = "+" + String(repeating: "-", count: screen.width) + "+"
        out += border + "\n"
        for row in 0..<screen.height {
            var line = ""
            var x = 0
            while x < screen.width {
                let cell = screen[row, x]
                line += cell.text.isEmpty ? "" : cell.text
                x += 1
            }
            out += "|" + line + String(repeating: " ", count: max(0, screen.width - DisplayWidth.of(line))) + "|\n"
        }
        out += border + "\nstyles:\n"
        for row in 0..<screen.height {
            out += String((0..<screen.width).map { styleLetter(screen[row, $0].style) }) + "\n"
        }
        return out
    }

    static func assert(_ screen: Screen, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = folder.appendingPathComponent(name + ".txt")
        let actual = describe(screen)
        let record = ProcessInfo.processInfo.environment["GAZETTE_RECORD"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            XCTFail("snapshot \(name) recorded; check Snapshots/\(name).txt and run again", file: file, line: line)
            return
        }
        if expected != actual {
            let diff = zip(
                expected.split(separator: "\n", omittingEmptySubsequences: false),
                actual.split(separator: "\n", omittingEmptySubsequences: false)
            )
            .enumerated().filter { $0.element.0 != $0.element.1 }.prefix(6)
            .map { "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" }.joined(
                separator: "\n")
            XCTFail("snapshot \(name) differs:\n\(diff)", file: file, line: line)
        }
    }
}

/// A small collection for reader tests: one chain of three articles (Italian,
/// Japanese, English with emoji) whose ends are dangling, and a lone German article.
enum ReaderFixtures {
    /// A reader on `entry` of `library` that records what the store should keep (journal tests).
    static func recording(_ library: ArticleLibrary, _ entry: Int, width: Int = 60, height: Int = 12) -> ReaderState {
        var state = ReaderState(library: library, start: entry, width: width, height: height)
        state.recordsChanges = true
        return state
    }

    static let long =
        "La commissione si è riunita martedì sera per discutere la proposta nei dettagli, "
        + "e diversi membri hanno chiesto più tempo per leggere la relazione prima di qualsiasi voto."

    static let italian = Fixture.spaced(
        "Russia. Il governo firma un accordo sull’energia con la Norvegia",
        [
            "Il ministro dell’energia ha firmato ieri un accordo di cooperazione con la Norvegia, che prevede forniture "
                + "di gas per i prossimi dieci anni e un fondo comune per la ricerca sulle rinnovabili. \(long)",
            "Le condizioni dell’accordo",
            "Il testo stabilisce un prezzo indicizzato e una clausola di revisione ogni tre anni. Secondo il ministero, "
                + "le prime consegne arriveranno già in primavera attraverso il gasdotto del Nord. \(long)",
            "\(long) \(long)",
            "Le reazioni a Bruxelles",
            "La Commissione europea ha accolto con favore l’intesa, ricordando però che ogni accordo bilaterale deve "
                + "rispettare le regole del mercato interno dell’energia. \(long)",
        ], previous: "Un incendio in un deposito di rifiuti a Rennes", next: "金沢の路地に活版印刷所が復活"
    ).text

    static let japanese = Fixture.spaced(
        "金沢の路地に活版印刷所が復活",
        [
            "金沢市の路地裏で、長く閉ざされていた活版印刷所が若い職人たちの手で復活した。古い活字を一つずつ洗い、棚に戻す作業は半年に及んだという。"
                + "店には毎週末、多くの見学者が訪れている。",
            "眠っていた活字との出会い",
            "職人たちは倉庫で古い活字を見つけ、一つずつ洗って棚に戻した。作業には半年かかったが、今では名刺や便箋の注文が全国から届くようになった。"
                + "「活字の手触りが好きだ」と代表の山田さんは話す。",
            "体験教室は予約制",
            "毎週土曜日には体験教室が開かれ、参加者は自分の名前を活字で組んで印刷できる。定員は八人で、予約はウェブサイトから受け付けている。",
        ], previous: "Russia. Il governo firma un accordo sull'energia con la Norvegia",
        next: "Family cyclists 👨‍👩‍👧‍👦 take over the bridge 🇮🇹"
    ).text

    static let english = Fixture.spaced(
        "Family cyclists 👨‍👩‍👧‍👦 take over the bridge 🇮🇹",
        [
            "Hundreds of families 👨‍👩‍👧‍👦 rode across the old bridge on Sunday 🚲🚲🚲 as the city closed it to cars for "
                + "the first time, and volunteers 👍🏽 handed out water along the way. Café owners on both banks said it "
                + "was their busiest morning of the year.",
            "What comes next",
            "The council will decide in spring whether the car-free Sunday becomes a monthly event, after counting how "
                + "many people crossed and asking shops whether trade went up or down.",
        ], previous: "金沢の路地に活版印刷所が復活", next: "A story that is not in this folder"
    ).text

    /// No repeat of the title, no NEXT line.
    static let german = Fixture.spaced(
        "Im Schwarzwald zählen Freiwillige die Glühwürmchen",
        [
            "Mehr als dreihundert Freiwillige haben in diesem Sommer im Schwarzwald Glühwürmchen gezählt, an warmen "
                + "Abenden entlang von Waldwegen, Bächen und Gärten, und ihre Beobachtungen in eine App eingetragen."
        ], previous: "Nichts davor", repeats: 0
    ).text

    static func library() -> ArticleLibrary {
        memoryLibrary([("01_it.txt", italian), ("02_ja.txt", japanese), ("03_en.txt", english), ("04_de.txt", german)])
    }

    static func state(_ entry: Int = 0, width: Int = 80, height: Int = 24) -> ReaderState {
        ReaderState(library: library(), start: entry, width: width, height: height)
    }
}

extension ReaderState {
    mutating func press(_ keys: Key...) {
        for k in keys { send(.key(k)) }
    }
    mutating func type(_ text: String) {
        for c in text { send(.key(.character(c))) }
    }
    var screen: Screen { Renderer.render(self) }
}
