import ArticleKit

/// A place in an article's text rather than on the screen: the block (title, heading or
/// paragraph) and how far into it, counted in characters that are not white space, so the
/// same place is found at any width. The section heading and a few words of the text
/// let the place be found again in an edited file, where block numbers have moved.
public struct TextPlace: Sendable, Equatable, Codable {
    public var block: Int
    /// Characters other than white space in the block before the place.
    public var offset: Int
    /// The heading of the section the place is in (nil in the lede).
    public var heading: String?
    /// The text at the place, as it reads, at most `snippetLength` characters.
    public var snippet: String

    public static let snippetLength = 40

    public init(block: Int, offset: Int, heading: String?, snippet: String) {
        self.block = block
        self.offset = offset
        self.heading = heading
        self.snippet = snippet
    }
}

extension Document {
    /// The text place of a layout line: where the line's first character is in its block.
    public func place(atLine line: Int) -> TextPlace {
        let lines = layout.lines
        guard !lines.isEmpty else { return TextPlace(block: 0, offset: 0, heading: nil, snippet: "") }
        let line = min(max(0, line), lines.count - 1)
        let block = lines[line].block
        let start = layout.blockStarts.indices.contains(block) ? layout.blockStarts[block] : line
        // Counted exactly over a paragraph's first `exactLines` lines; past them (a file that is
        // one huge paragraph) estimated from their average, so that a key stays cheap.
        var offset = 0
        var k = start
        while k < min(line, start + Self.exactLines) { offset += Self.visible(lines[k]).count; k += 1 }
        if line > k { offset = offset * (line - start) / max(1, k - start) }
        // A blank line above a block belongs to it: its place is the block's start.
        var words: [String] = []
        var m = max(line, start)
        while m < lines.count, lines[m].block == block, lines[m].kind != .blank,
            words.joined(separator: " ").count < TextPlace.snippetLength
        {
            words.append(Self.readable(lines[m]))
            m += 1
        }
        let text = words.joined(separator: " ")
        let section = lines[line].section
        let heading = article.sections.indices.contains(section) ? article.sections[section].heading : nil
        return TextPlace(
            block: block, offset: offset, heading: heading,
            snippet: String(text.prefix(TextPlace.snippetLength)))
    }

    /// The layout line of `place`: exact when the block still holds the same text there;
    /// else where its snippet is found (in its section first); else its section's start;
    /// else its block, as near as the article now has one. Nil only for an empty layout.
    public func line(for place: TextPlace) -> Int? {
        let lines = layout.lines
        guard !lines.isEmpty else { return nil }
        let squashedSnippet = Self.squash(place.snippet)
        if let (line, passed) = locate(place.block, offset: place.offset) {
            let skip = place.offset - passed
            let there = text(from: line, in: place.block, count: skip + squashedSnippet.count).dropFirst(skip)
            if there.hasPrefix(squashedSnippet) { return line }
        }
        if !squashedSnippet.isEmpty {
            // Its section first, then the rest; the nearest to where it was first (text repeats).
            let near = { (a: Int, b: Int) in abs(a - place.block) < abs(b - place.block) }
            let sectionBlocks = blocks(inSectionHeaded: place.heading).sorted(by: near)
            let inSection = Set(sectionBlocks)
            let order = sectionBlocks + layout.blockStarts.indices.filter { !inSection.contains($0) }.sorted(by: near)
            for block in order {
                let text = blockText(block)
                if let range = text.range(of: squashedSnippet) {
                    return line(inBlock: block, offset: text.distance(from: text.startIndex, to: range.lowerBound))
                }
            }
        }
        if let heading = place.heading, let section = article.sections.firstIndex(where: { $0.heading == heading }),
            layout.sectionStarts.indices.contains(section)
        {
            return layout.sectionStarts[section]
        }
        let block = min(place.block, layout.blockStarts.count - 1)
        return block >= 0 ? layout.blockStarts[block] : 0
    }

    /// The line of `block` on which its `offset`-th visible character stands.
    func line(inBlock block: Int, offset: Int) -> Int? {
        locate(block, offset: offset)?.line
    }

    /// The line of `block` holding its `offset`-th visible character, and how many come before that line.
    func locate(_ block: Int, offset: Int) -> (line: Int, passed: Int)? {
        guard layout.blockStarts.indices.contains(block) else { return nil }
        let lines = layout.lines
        var line = layout.blockStarts[block]
        var passed = 0
        while line + 1 < lines.count, lines[line + 1].block == block, lines[line + 1].kind != .blank {
            let count = Self.visible(lines[line]).count
            if passed + count > offset { break }
            passed += count
            line += 1
        }
        return offset <= passed + Self.visible(lines[line]).count ? (line, passed) : nil
    }

    /// At least `count` visible characters of `block` from the start of `line` (fewer at its end).
    func text(from line: Int, in block: Int, count: Int) -> Substring {
        var text = ""
        var k = line
        while k < layout.lines.count, layout.lines[k].block == block, layout.lines[k].kind != .blank,
            text.count < count
        {
            text += Self.visible(layout.lines[k])
            k += 1
        }
        return Substring(text)
    }

    static let exactLines = 2000

    /// The block's text without white space.
    public func blockText(_ block: Int) -> Substring {
        guard layout.blockStarts.indices.contains(block) else { return "" }
        var text = ""
        var line = layout.blockStarts[block]
        while line < layout.lines.count, layout.lines[line].block == block, layout.lines[line].kind != .blank {
            text += Self.visible(layout.lines[line])
            line += 1
        }
        return Substring(text)
    }

    func blocks(inSectionHeaded heading: String?) -> [Int] {
        guard let section = article.sections.firstIndex(where: { $0.heading == heading }) else { return [] }
        return layout.blockStarts.indices.filter { layout.lines[layout.blockStarts[$0]].section == section }
    }

    /// A line's characters other than white space, without the heading marker.
    static func visible(_ line: LayoutLine) -> String {
        squash(readable(line))
    }

    /// A line's text without the heading's or a quote's marker and the indent under it.
    static func readable(_ line: LayoutLine) -> String {
        var text = Substring(line.text)
        if line.kind == .heading, text.hasPrefix(ArticleLayout.headingMarker) {
            text = text.dropFirst(ArticleLayout.headingMarker.count)
        } else if line.kind == .quote, text.hasPrefix(ArticleLayout.quoteMarker) {
            // On every line of a quote: counted, it would move the place with the width.
            text = text.dropFirst(ArticleLayout.quoteMarker.count)
        }
        return String(text.drop { $0 == " " })
    }

    static func squash<S: StringProtocol>(_ text: S) -> String {
        String(text.filter { !$0.isWhitespace })
    }
}
