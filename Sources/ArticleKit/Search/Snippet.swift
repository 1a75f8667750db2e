/// One hit of a collection search: an article's section, with the line that shows why.
public struct SearchHit: Sendable, Equatable {
    /// The article's canonical path.
    public var path: String
    public var title: String
    /// Which section (0 is the first, the lede when there is one), and its heading.
    public var section: Int
    public var heading: String?
    /// Higher is better (BM25, title and heading words weighing more).
    public var score: Double
    /// Cut from the file when the results are shown; nil until then or when the file changed.
    public var snippet: Snippet?

    public init(path: String, title: String, section: Int, heading: String?, score: Double, snippet: Snippet? = nil) {
        self.path = path
        self.title = title
        self.section = section
        self.heading = heading
        self.score = score
        self.snippet = snippet
    }
}

/// A piece of a section's text around a match, one line, with where the matches are in it.
public struct Snippet: Sendable, Equatable {
    /// The text, "…" where it was cut.
    public var text: String
    /// Where the query's words are in `text` (UTF-8 offsets), left to right.
    public var matches: [Range<Int>]
    /// Where the match is, and the UTF-8 offset of the match in that text.
    public var place: Place
    public var offset: Int
    /// The query's words that were found first: what `/` in the article should look for.
    public var term: String

    public enum Place: Sendable, Equatable {
        case title
        case heading
        /// A paragraph of the section, by number.
        case paragraph(Int)
    }

    public init(text: String, matches: [Range<Int>], place: Place, offset: Int, term: String) {
        self.text = text
        self.matches = matches
        self.place = place
        self.offset = offset
        self.term = term
    }
}

/// Cuts snippets with the one fold: what the index found by words is found again in the text
/// by the fold `/` uses, so the highlighted piece is the piece that matched.
public struct SnippetCutter: Sendable {
    public let query: SearchQuery
    /// About how many columns a snippet gets.
    public var width: Int
    private let needles: [(term: SearchQuery.Term, folded: FoldedText)]
    /// Each phrase of the query (two words or more), its words folded, in order: a snippet and its
    /// offset go to where a phrase stands whole, not to its first word elsewhere.
    private let phrases: [(term: SearchQuery.Term, words: [FoldedText])]
    private let keepsCase: Bool

    public init(query: SearchQuery, width: Int = 90) {
        self.query = query
        self.width = max(20, width)
        keepsCase = query.keepsCase
        // The index matched words, whatever stood between them: each word of each term is
        // looked for on its own (the last word of a prefix term as a prefix).
        var fold = TextFold(keepingCase: keepsCase)
        var seen = Set<String>()
        var needles: [(term: SearchQuery.Term, folded: FoldedText)] = []
        for term in query.required {
            let words = SnippetCutter.words(of: term.text)
            for (i, word) in words.enumerated() where seen.insert(word).inserted {
                let isPrefix: Bool
                if case .prefix = term { isPrefix = i == words.count - 1 } else { isPrefix = false }
                let folded = fold.fold(word)
                if !folded.isEmpty { needles.append((isPrefix ? .prefix(word) : .word(word), folded)) }
            }
        }
        self.needles = needles
        phrases = query.required.compactMap { term in
            guard case .phrase = term else { return nil }
            let words = SnippetCutter.words(of: term.text).map { fold.fold($0) }.filter { !$0.isEmpty }
            return words.count > 1 ? (term, words) : nil
        }
    }

    /// The first place in `text` where one of the query's phrases stands whole: its words one after the
    /// other, with nothing between them but spaces and punctuation (as the index's tokens are read).
    func firstPhrase(_ folded: FoldedText, _ utf8: [UInt8]) -> (range: Range<Int>, term: SearchQuery.Term)? {
        func onlySeparators(_ range: Range<Int>) -> Bool {
            guard range.lowerBound <= range.upperBound else { return false }
            // ASCII that is neither a letter nor a digit; anything else may be part of a word.
            return utf8[range].allSatisfy { b in
                b < 0x80 && !(0x61...0x7A).contains(b | 0x20) && !(0x30...0x39).contains(b)
            }
        }
        var best: (range: Range<Int>, term: SearchQuery.Term)?
        for phrase in phrases {
            let found = phrase.words.map { folded.matches(of: $0) }
            for start in found[0] {
                var end = start.upperBound
                var whole = true
                for next in found.dropFirst() {
                    guard let r = next.first(where: { $0.lowerBound >= end && onlySeparators(end..<$0.lowerBound) })
                    else { whole = false; break }
                    end = r.upperBound
                }
                guard whole else { continue }
                if best.map({ start.lowerBound < $0.range.lowerBound }) ?? true {
                    best = (start.lowerBound..<end, phrase.term)
                }
                break
            }
        }
        return best
    }

    /// The words of a term as typed (not yet folded: the cutter folds them its own way), split where
    /// the index's tokenizer splits (`IndexText.isWordScalar`).
    public static func words(of text: String) -> [String] {
        text.split { c in !c.unicodeScalars.contains(where: IndexText.isWordScalar) }.map(String.init)
    }

    /// What `/` in the article should look for to land on a term: its words, space-separated.
    public static func articleSearch(for term: SearchQuery.Term) -> String {
        words(of: term.text).joined(separator: " ")
    }

    /// The snippet for a section of `article`, or nil when none of the query is in it (the file
    /// changed since it was indexed, or case counts and the case differs).
    public func cut(_ article: Article, section number: Int) -> Snippet? {
        guard article.sections.indices.contains(number) else { return nil }
        let section = article.sections[number]
        var fold = TextFold(keepingCase: keepsCase)
        // Smart case: with a capital in the query, every word must be there in that case.
        if keepsCase {
            let all = fold.fold(([article.title, section.heading ?? ""] + section.paragraphs).joined(separator: "\n"))
            guard needles.allSatisfy({ all.contains($0.folded) }) else { return nil }
        }
        // The paragraph holding the most of the query's words; the first of those.
        var best:
            (
                place: Snippet.Place, text: String, found: [(range: Range<Int>, needle: Int)], terms: Int,
                phrase: (range: Range<Int>, term: SearchQuery.Term)?
            )? = nil
        let candidates: [(Snippet.Place, String)] =
            section.paragraphs.enumerated().map { (.paragraph($0.offset), $0.element) }
            + [(.heading, section.heading ?? ""), (.title, article.title)]
        for (place, text) in candidates where !text.isEmpty {
            let folded = fold.fold(text)
            let utf8 = Array(text.utf8)
            var found: [(range: Range<Int>, needle: Int)] = []
            var terms = 0
            for (k, needle) in needles.enumerated() {
                let ranges = folded.matches(of: needle.folded)
                let words = ranges.filter { SnippetCutter.isWholeWord($0, in: utf8, term: needle.term) }
                let chosen = words.isEmpty ? ranges : words
                if !chosen.isEmpty { terms += 1 }
                found += chosen.map { ($0, k) }
            }
            let phrase = phrases.isEmpty ? nil : firstPhrase(folded, utf8)
            // More of the query's words wins; with as many, a paragraph where a phrase stands whole.
            if terms > (best?.terms ?? 0) || (terms == best?.terms && phrase != nil && best?.phrase == nil) {
                best = (place, text, found.sorted { $0.range.lowerBound < $1.range.lowerBound }, terms, phrase)
            }
            if terms == needles.count && (phrases.isEmpty || phrase != nil) { break }
        }
        guard !needles.isEmpty, let best, let first = best.found.first else { return nil }
        let text = best.text
        let term = best.phrase?.term.text ?? needles[first.needle].term.text
        let at = best.phrase?.range ?? first.range
        let window = SnippetCutter.window(text, around: at, width: width)
        let matches = best.found.map(\.range).compactMap { r -> Range<Int>? in
            guard r.lowerBound >= window.range.lowerBound, r.upperBound <= window.range.upperBound else { return nil }
            let shift = window.lead - window.range.lowerBound
            return (r.lowerBound + shift)..<(r.upperBound + shift)
        }
        return Snippet(
            text: window.text, matches: matches, place: best.place, offset: at.lowerBound, term: term)
    }

    /// Whether a match stands as the word the index matched: not inside a longer word (a
    /// prefix may end inside one). Scripts without spaces have no word edges to check.
    static func isWholeWord(_ range: Range<Int>, in utf8: [UInt8], term: SearchQuery.Term) -> Bool {
        func isWordByte(_ i: Int, before: Bool) -> Bool {
            guard i >= 0, i < utf8.count else { return false }
            // Step to the scalar that touches the edge.
            var j = i
            if before { while j > 0 && utf8[j] & 0xC0 == 0x80 { j -= 1 } }
            let scalar = String(decoding: utf8[j..<min(utf8.count, j + 4)], as: UTF8.self).unicodeScalars.first
            guard let scalar else { return false }
            if IndexText.isUnspacedScript(scalar) { return false }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        if isWordByte(range.lowerBound - 1, before: true) { return false }
        if case .prefix = term { return true }
        return !isWordByte(range.upperBound, before: false)
    }

    /// About `width` columns of `text` around `match`: a third before it, cut at spaces, with "…".
    public static func window(_ text: String, around match: Range<Int>, width: Int) -> (
        text: String, range: Range<Int>, lead: Int
    ) {
        let utf8 = Array(text.utf8)
        func boundary(_ i: Int) -> Int {
            var i = max(0, min(utf8.count, i))
            while i < utf8.count && i > 0 && utf8[i] & 0xC0 == 0x80 { i -= 1 }
            return i
        }
        if DisplayWidth.of(text) <= width { return (text, 0..<utf8.count, 0) }
        // Columns are close enough to bytes for the cut; the display fits it again later.
        var start = boundary(match.lowerBound - width / 3)
        if start > 0, let space = utf8[start..<match.lowerBound].firstIndex(of: 0x20) { start = space + 1 }
        var end = start
        var columns = 0
        let scalars = String(decoding: utf8[start...], as: UTF8.self)
        for c in scalars {
            let w = DisplayWidth.of(String(c))
            if columns + w > width - 2 { break }
            columns += w
            end += c.utf8.count
        }
        end = max(end, min(utf8.count, match.upperBound))
        if end < utf8.count, let space = utf8[match.upperBound..<end].lastIndex(of: 0x20) { end = space }
        let lead = start > 0 ? "…" : ""
        let tail = end < utf8.count ? "…" : ""
        let body = String(decoding: utf8[start..<end], as: UTF8.self)
        return (lead + body + tail, start..<end, lead.utf8.count)
    }
}
