/// Decides which body blocks are section headings.
///
/// A heading is a block of its own that is short, does not end like a sentence,
/// and is followed by body text. Scraped pages are full of short lines that look
/// like that and are not headings: captions and credits, bylines, dates, "Read
/// also:" lines and the headlines listed under them, share and newsletter blocks,
/// kickers and tags. `BlockTraits` recognises those in several languages; the
/// rules here weigh a block against its neighbours.
public struct HeadingDetector: Sendable {
    /// Widest heading, in terminal columns (CJK characters count two).
    public var maxWidth = 100
    /// Most words in a heading, for scripts that separate words with spaces.
    public var maxWords = 15
    /// Narrowest block that counts as body text after a heading.
    public var minBodyWidth = 60

    public init() {}

    /// Decided from the block, at most three blocks after it and a bounded run before it,
    /// so a streaming reader can decide as soon as three more blocks have arrived.
    static let lookahead = 3

    func isHeading(_ blocks: [BlockTraits], at i: Int) -> Bool {
        let block = blocks[i]
        guard i > 0, i + 1 < blocks.count, looksLikeHeading(block) else { return false }
        return isFollowedByBody(blocks, after: i) && !isListItem(blocks, at: i)
    }

    func looksLikeHeading(_ b: BlockTraits) -> Bool {
        b.width <= maxWidth && b.words <= maxWords && !b.endsSentence && !b.isFurniture
            && !b.isRelatedIntro && !b.startsLowercase && !b.isQuotation && !b.hasLink && b.width >= 2
            && b.hasLetters && !(b.endsWithColon && (b.words > 6 || b.hasComma))
    }

    /// Body text must come next, though a caption or credit may stand between.
    func isFollowedByBody(_ blocks: [BlockTraits], after i: Int) -> Bool {
        var k = i + 1
        var skipped = 0
        while k < blocks.count && blocks[k].isFurniture && skipped < 2 { k += 1; skipped += 1 }
        guard k < blocks.count else { return false }
        let next = blocks[k]
        if next.isRelatedIntro || next.isFurniture { return false }
        return next.width >= minBodyWidth && (next.endsSentence || next.width >= 2 * minBodyWidth || next.width >= 3 * blocks[i].width)
    }

    /// Short lines after "Read also:" or after a line ending in ":" are a list, and
    /// so is a short line right after another short headline-like line.
    func isListItem(_ blocks: [BlockTraits], at i: Int) -> Bool {
        var j = i - 1
        while j >= max(0, i - 64) && blocks[j].isFurniture && !blocks[j].isRelatedIntro { j -= 1 }
        guard j >= 0 else { return false }
        let previous = blocks[j]
        if previous.isRelatedIntro || previous.endsWithColon { return true }
        if looksLikeHeading(previous) || previous.isShortLine {
            // Walk up the run of short lines: an intro above it makes it a list.
            // Bounded, so a folder-sized list of short lines stays linear.
            var k = j
            let limit = max(0, j - 64)
            while k >= limit && (blocks[k].isShortLine || blocks[k].isFurniture) {
                if blocks[k].isRelatedIntro || blocks[k].endsWithColon {
                    return !isHeadingAfterList(blocks, list: (k + 1)..<i, at: i)
                }
                k -= 1
            }
            return looksLikeHeading(previous) && !previous.isFurniture
        }
        return false
    }
}

extension HeadingDetector {
    /// Headlines listed under "Read also:" are of a kind and of similar length; a
    /// clearly shorter line after two or more of them, followed by body text, is the
    /// next section's heading rather than one more headline.
    func isHeadingAfterList(_ blocks: [BlockTraits], list: Range<Int>, at i: Int) -> Bool {
        let items = blocks[list].filter { !$0.isFurniture }
        guard items.count >= 2, let shortest = items.map(\.width).min() else { return false }
        return blocks[i].width * 10 < shortest * 8
    }
}

/// What the detector needs to know about one block, computed once.
struct BlockTraits {
    let width: Int
    let words: Int
    let endsSentence: Bool
    let endsWithColon: Bool
    let startsLowercase: Bool
    let isQuotation: Bool
    let hasLink: Bool
    let isFurniture: Bool
    let isRelatedIntro: Bool
    /// Lines of digits and symbols only ("1969", "___") are list items or rules, not headings.
    let hasLetters: Bool
    /// A comma in a short line ending in ":" marks a sentence introducing a quote.
    let hasComma: Bool

    /// A line too short to be a paragraph of running text.
    var isShortLine: Bool { width < 80 }

    init(_ text: String) {
        // Long blocks are body text: measure only what the rules need.
        let probe = text.utf8.count > 600 ? String(text.prefix(300)) : text
        width = text.utf8.count > 600 ? 1000 : DisplayWidth.of(probe)
        var spaceRuns = 0, previousWasSpace = true
        for b in probe.utf8 {
            let space = b == 0x20
            if !space && previousWasSpace { spaceRuns += 1 }
            previousWasSpace = space
        }
        words = spaceRuns
        let last = probe.unicodeScalars.last ?? " "
        endsSentence = BlockTraits.sentenceEnds.contains(last)
        endsWithColon = last == ":" || last == "：" || last == "\u{FE55}"
        let first = probe.unicodeScalars.first ?? " "
        startsLowercase = first.properties.isLowercase
        let firstIsQuote = BlockTraits.openingQuotes.contains(first)
        isQuotation = firstIsQuote && BlockTraits.closingQuotes.contains(last)
        hasLetters = probe.unicodeScalars.contains { $0.properties.isAlphabetic }
        hasComma = probe.unicodeScalars.contains { $0 == "," || $0 == "，" || $0 == "、" || $0 == "،" }
        // A block of one cell ("x", "•") is no heading, furniture or link: skip the
        // pattern checks, which dominate a file of a million one-letter lines.
        guard width >= 2 else {
            hasLink = false
            isRelatedIntro = false
            isFurniture = false
            return
        }
        let lower = probe.lowercased()
        hasLink = lower.has("http://") || lower.has("https://") || lower.has("www.") || lower.has(".com")
        isRelatedIntro = width <= 100 && Furniture.isRelatedIntro(lower)
        isFurniture = width <= 160 && Furniture.isFurniture(lower, original: probe, words: words)
    }

    static let sentenceEnds: Set<Unicode.Scalar> = [".", "!", "…", ";", ",", "。", "！", "；", "，", "、", "؛", "،", "۔", ")", "）", "]", "»", "”", "\"", "'", "’", "»", "」", "』"]
    static let openingQuotes: Set<Unicode.Scalar> = ["\"", "“", "„", "«", "‘", "'", "「", "『", "‹"]
    static let closingQuotes: Set<Unicode.Scalar> = ["\"", "”", "“", "»", "’", "'", "」", "』", "›", ".", "!", "?"]
}
