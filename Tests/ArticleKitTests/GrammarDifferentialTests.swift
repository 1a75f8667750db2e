import XCTest

@testable import ArticleKit

/// The edge scan (`ArticleParser.links`) against the full parse on seeded messy files: both
/// read the grammar through `ArticleGrammar` and `LineSplitter`, so on every input they must
/// agree on the title and the PREV/NEXT titles, whole, fed in chunks, and split into a head
/// and a tail. A failure names its seed: `MessyArticle(seed:)` builds that file again.
final class GrammarDifferentialTests: XCTestCase {
    static let seeds: Range<UInt64> = 1..<2001

    func testEdgeScanAgreesWithFullParseOnMessyFiles() {
        var served = 0, withPrevious = 0, withNext = 0, duplicated = 0, split = 0
        for seed in Self.seeds {
            let file = MessyArticle(seed: seed)
            let name = "seed \(seed): \(String(decoding: file.bytes.prefix(400), as: UTF8.self).debugDescription)"
            let article = try? ArticleParser().parse(file.bytes, source: "messy.txt")
            let links = try? ArticleParser.links(head: file.bytes, tail: nil, source: "messy.txt")
            XCTAssertEqual(links, article.map(Self.links), name)
            guard let article else { continue }
            served += 1
            if article.previousTitle != nil { withPrevious += 1 }
            if article.nextTitle != nil { withNext += 1 }
            if article.warnings.contains(where: { $0.hasPrefix("more than one") }) { duplicated += 1 }

            var generator = SplitMix64(seed: seed)
            XCTAssertEqual(Self.parseInChunks(file.bytes, using: &generator), Self.links(article), "chunked, \(name)")

            if let cut = file.splitPoints(using: &generator) {
                split += 1
                let head = Array(file.bytes[..<cut.headEnd]), tail = Array(file.bytes[cut.tailStart...])
                let edges = try? ArticleParser.links(head: head, tail: tail, source: "messy.txt")
                XCTAssertEqual(edges, Self.links(article), "head \(cut.headEnd), tail from \(cut.tailStart), \(name)")
            }
        }
        // The files are messy, not hopeless: most are served, with links of both kinds.
        let count = Self.seeds.count
        XCTAssertGreaterThan(served, count * 8 / 10)
        XCTAssertGreaterThan(withPrevious, count / 4)
        XCTAssertGreaterThan(withNext, count / 4)
        XCTAssertGreaterThan(duplicated, count / 50)
        XCTAssertGreaterThan(split, count / 2)
    }

    /// The same file twice gives the same bytes: a failing seed can be replayed.
    func testMessyArticlesAreReproducible() {
        for seed: UInt64 in [1, 7, 1999] {
            XCTAssertEqual(MessyArticle(seed: seed).bytes, MessyArticle(seed: seed).bytes)
        }
        XCTAssertNotEqual(MessyArticle(seed: 1).bytes, MessyArticle(seed: 2).bytes)
    }

    static func links(_ a: Article) -> ArticleLinks {
        ArticleLinks(title: a.title, previousTitle: a.previousTitle, nextTitle: a.nextTitle)
    }

    /// The streaming parser fed chunks of 1 to 9 bytes (cutting CRLF pairs, BOMs, UTF-8 sequences).
    static func parseInChunks(_ bytes: [UInt8], using generator: inout SplitMix64) -> ArticleLinks? {
        var title: String?
        var parser = StreamingParser { if case .title(let t) = $0 { title = t } }
        var offset = 0
        while offset < bytes.count {
            let n = min(bytes.count - offset, Int.random(in: 1...9, using: &generator))
            bytes[offset..<(offset + n)].withUnsafeBufferPointer { parser.feed($0) }
            offset += n
        }
        parser.finish()
        guard let title else { return nil }
        return ArticleLinks(title: title, previousTitle: parser.previousTitle, nextTitle: parser.nextTitle)
    }
}

/// A seeded, reproducible random number generator (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One messy article file, built from a seed: the shape of docs/FORMAT.md with the mess of real
/// dumps: mixed LF/CRLF/CR, BOMs at the start and astray, blank lines of Unicode spaces and
/// bidi controls, titles repeated or looking like links, separators or none, PREV/NEXT lines
/// missing, duplicated, disguised or near misses, invalid UTF-8, and garbage after the trailer.
struct MessyArticle {
    private(set) var bytes: [UInt8] = []
    /// The bytes of a long body line (the filler): the title is in it or before it (the filler is
    /// not blank), and the trailer after it, so a head that holds the filler and a tail that starts
    /// inside it see all the edge scan needs.
    private(set) var filler: Range<Int>?
    private var generator: SplitMix64
    private var ending: [UInt8] = [0x0A]

    static let blanks = [
        "", " ", "\t", "  \t ", "\u{A0}", " \u{A0}", "\u{3000}", "\t\u{3000}", "\u{FEFF}",
        "\u{202E}", " \u{202E}", "\u{2066}\u{2069}", "\u{2028}", "\u{FEFF}\u{FEFF} ",
    ]
    /// Lines that look empty but are text to the grammar (not whitespace, not dropped).
    static let lookalikes = ["\u{200B}", "\u{200E}", "\u{00AD}", "\u{2060}"]
    static let titles = [
        "Il governo firma un accordo sull’energia", "NEXT a", "PREV Something", "Title   ",
        "  Leading spaces", "Ｔｉｔｌｅ in fullwidth", "東京で会議が開かれた", "Cafe\u{301} society",
        "\u{202E}Reversed title", "\u{FEFF}Bommed title", "A — dash", "\u{1B}[31mred title",
        "PREV", "—", "It's a \"quote\"", String(repeating: "Long title ", count: 40), "-x-",
    ]
    static let linkTitles = [
        "Alpha", "Beta gamma", "L’incontro di valori: perché investire?", "NEXT z", "—",
        "東京", "  spaced  ", "Ｔ", "x\u{301}", "quote ‘it’", String(repeating: "z", count: 400),
    ]
    static let separators = [
        "-", "–", "—", "---", " - ", "-\u{A0}", "\u{2013}\u{2014}",
        String(repeating: "-", count: 250),
    ]
    static let bodyLines = [
        "The council met on Tuesday evening to discuss the proposal in detail, and members asked for more time.",
        "A short heading", "NEXT is how the old system named it, and the name stuck.", "PREV", "- a list item",
        "Il ministro ha firmato ieri un accordo di cooperazione con la Norvegia, che prevede forniture di gas.",
        "東京で会議が開かれ、多くの人が集まった。", "-", "Photo: Somebody", "PREVIOUSLY on this page",
    ]

    init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
        ending = pick([[0x0A], [0x0A], [0x0D, 0x0A], [0x0D]])
        if chance(0.3) { bytes += [0xEF, 0xBB, 0xBF] }
        for _ in 0..<count(upTo: 2) { line(pick(Self.blanks + Self.separators.prefix(2))) }
        let title = chance(0.1) ? pick(Self.lookalikes) + pick(Self.titles) : pick(Self.titles)
        line(title)
        header(title)
        body()
        trailer()
        garbage()
        if chance(0.5), let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
    }

    /// Where to cut a head and a tail so that the edge scan still sees the title line whole and
    /// the trailer after the tail's cut first line; nil when the file has no filler to cut in.
    /// The head's last line may be cut anywhere after the filler.
    func splitPoints(using generator: inout SplitMix64) -> (headEnd: Int, tailStart: Int)? {
        guard let filler else { return nil }
        let headEnd = Int.random(in: filler.upperBound...bytes.count, using: &generator)
        let tailStart = Int.random(in: (filler.lowerBound + 1)..<filler.upperBound, using: &generator)
        return (headEnd, tailStart)
    }

    // MARK: parts

    private mutating func header(_ title: String) {
        for _ in 0..<count(upTo: 3) {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: line(title.uppercased())  // the same title key
            case 1: line(title + " \u{A0}")
            case 2: line(pick(Self.blanks))
            case 3: line(pick(Self.lookalikes))  // body text: the header ends without a separator
            default: line(title)
            }
        }
        if chance(0.8) { line(pick(Self.separators)) }
        if chance(0.6) { line(pick(Self.blanks)) }
    }

    private mutating func body() {
        for _ in 0..<count(upTo: 4) { paragraph(pick(Self.bodyLines)) }
        if chance(0.85) {
            let start = bytes.count
            bytes += Array(String(repeating: "Filler words of a long paragraph. ", count: 40).utf8)
            filler = start..<bytes.count
            bytes += ending
            line("")
        }
        for _ in 0..<count(upTo: 3) { paragraph(pick(Self.bodyLines)) }
    }

    private mutating func trailer() {
        if chance(0.7) { line(pick(Self.separators)) }
        if chance(0.5) { line(pick(Self.blanks)) }
        var links: [String] = []
        for keyword in ["PREV", "NEXT"] {
            for _ in 0..<pick([0, 1, 1, 1, 1, 2, 2]) { links.append(link(keyword)) }
        }
        links.shuffle(using: &generator)
        for l in links {
            line(l)
            if chance(0.15) { line(pick(Self.blanks)) }
        }
    }

    /// A PREV/NEXT line, or a near miss: the keyword disguised (a BOM or bidi control before
    /// or inside it, which the sanitiser drops), or spoilt (glued, indented, combined, lowercase).
    private mutating func link(_ keyword: String) -> String {
        let t = pick(Self.linkTitles)
        let k = Array(keyword)
        switch Int.random(in: 0..<16, using: &generator) {
        case 0: return keyword
        case 1: return keyword + "   "
        case 2: return keyword + "\t" + t
        case 3: return "\u{202E}" + keyword + " " + t
        case 4: return String(k[..<2]) + "\u{202C}" + String(k[2...]) + " " + t
        case 5: return "\u{FEFF}" + keyword + " " + t
        case 6: return keyword + "x " + t
        case 7: return " " + keyword + " " + t
        case 8: return keyword + "\u{301} " + t
        case 9: return keyword.lowercased() + " " + t
        case 10: return keyword + " \u{3000}" + t + " \u{A0}"
        case 11: return keyword + " " + t + "\u{202C}"
        case 12: return keyword + "\u{A0}" + t
        default: return keyword + " " + t
        }
    }

    private mutating func garbage() {
        switch Int.random(in: 0..<12, using: &generator) {
        case 0: line(pick(Self.blanks))
        case 1: line(pick(Self.blanks)); line(pick(Self.blanks))
        case 2: line("Published by the newsroom")
        case 3: bytes += [0xFF, 0xC3]
        case 4: bytes += [0x0D]
        case 5: bytes += [0xEF, 0xBB, 0xBF]
        case 6: line(pick(Self.lookalikes))
        case 7: line("\u{07}")
        default: break
        }
    }

    // MARK: bytes

    /// One line with a line end, now and then a stray BOM or invalid UTF-8 in it, and the line end
    /// now and then another kind (mixed endings).
    private mutating func line(_ text: String) {
        if chance(0.03) { bytes += [0xEF, 0xBB, 0xBF] }
        var utf8 = Array(text.utf8)
        if chance(0.03) {
            utf8.insert(pick([0xFF, 0xC3, 0x80]), at: Int.random(in: 0...utf8.count, using: &generator))
        }
        bytes += utf8
        bytes += chance(0.1) ? pick([[0x0A], [0x0D, 0x0A], [0x0D], [0x0D, 0x0D, 0x0A]]) : ending
    }

    private mutating func paragraph(_ text: String) {
        line(text)
        line(chance(0.8) ? "" : pick(Self.blanks))
    }

    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &generator) < p }
    private mutating func count(upTo n: Int) -> Int { Int.random(in: 0...n, using: &generator) }
    private mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &generator)] }
}
