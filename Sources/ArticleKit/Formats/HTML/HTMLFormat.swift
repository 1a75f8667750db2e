import Foundation

/// Saved web pages: the charset found and converted (`HTMLCharset`), the page parsed by libxml2
/// (`HTMLTree`), its article found (`HTMLExtractor`) and read into sections (`HTMLBlockReader`), its
/// title, address, neighbours, byline and date from its head (`HTMLMetadata`). docs/HTML.md.
public struct HTMLFormat: ArticleFormat {
    public var name: ArticleFormatName { .html }
    public init() {}

    public func parse(_ bytes: [UInt8], source: String) throws(ArticleError) -> Article {
        try Self.checkLooksLikePage(bytes, source: source)
        let decoded = HTMLCharset.decode(bytes)
        let tree = HTMLTree(utf8: HTMLPreparation.prepare(decoded.utf8))
        let metadata = HTMLMetadata(tree)
        let extractor = HTMLExtractor(tree)
        var reader = HTMLBlockReader(extractor)
        let main = extractor.mainContent()
        reader.read(main)
        var blocks = reader.blocks
        let title = TitleChooser(tree: tree, extractor: extractor, metadata: metadata, blocks: blocks).title
        // The title is shown as the title: its heading (or its first line) is not repeated in the body.
        if let t = title {
            let key = TitleChooser.key(t)
            if let first = blocks.firstIndex(where: { $0.headingLevel > 0 || $0.kind == .text }),
                TitleChooser.key(blocks[first].text) == key
            {
                blocks.remove(at: first)
            }
            blocks.removeAll { $0.headingLevel == 1 && TitleChooser.key($0.text) == key }
        }
        blocks = Self.withoutEmptySections(blocks)
        var warnings: [String] = []
        if let w = decoded.warning { warnings.append(w) }
        if tree.stoppedEarly {
            warnings.append(
                "libxml2 stopped reading the page early (elements nested deeper than \(HTMLTree.maxDepth)); what follows was not read"
            )
        }
        guard let title, !title.isEmpty else {
            guard let first = blocks.first else { throw .noText(path: source) }
            // No title anywhere: the first block's first line names it (a code block keeps its line
            // breaks, and a title is one line).
            let line = first.text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) }
            let named = String((line.map(String.init) ?? "…").trimmingCharacters(in: .whitespaces).prefix(80))
            warnings.append("the page has no title; its first words stand for it")
            return make(named, blocks, metadata, source, warnings)
        }
        if blocks.isEmpty { warnings.append("the page has a title but no article text was found") }
        return make(title, blocks, metadata, source, warnings)
    }

    private func make(
        _ title: String, _ blocks: [HTMLExtractor.Block], _ metadata: HTMLMetadata, _ source: String,
        _ warnings: [String]
    ) -> Article {
        var sections: [Section] = []
        // The highest heading level in the article is a section; the ones below it are sub-sections.
        let top = blocks.lazy.filter { $0.headingLevel > 0 }.map(\.headingLevel).min() ?? 1
        for block in blocks {
            if block.headingLevel > 0 {
                sections.append(
                    Section(heading: block.text, paragraphs: [], level: min(6, block.headingLevel - top + 1)))
                continue
            }
            if sections.isEmpty { sections.append(Section(heading: nil, paragraphs: [])) }
            sections[sections.count - 1].append(block.text, kind: block.kind)
        }
        var meta = ArticleMeta(format: .html)
        meta.url = metadata.url
        meta.previousURL = metadata.previousURL
        meta.nextURL = metadata.nextURL
        meta.author = metadata.author
        meta.date = metadata.date
        return Article(
            title: ArticleGrammar.title(title), sections: sections, previousTitle: nil, nextTitle: nil,
            source: source, warnings: warnings, meta: meta)
    }

    /// Headings with nothing under them before the next heading of their level or above: what headed
    /// a list of links or a widget that was left out.
    static func withoutEmptySections(_ blocks: [HTMLExtractor.Block]) -> [HTMLExtractor.Block] {
        var keep = [Bool](repeating: true, count: blocks.count)
        for (i, b) in blocks.enumerated() where b.headingLevel > 0 {
            var j = i + 1
            var hasContent = false
            while j < blocks.count {
                let next = blocks[j]
                if next.headingLevel > 0 {
                    if next.headingLevel <= b.headingLevel { break }
                    // A sub-heading with text under it counts as this section's content.
                } else {
                    hasContent = true
                    break
                }
                j += 1
            }
            if !hasContent { keep[i] = false }
        }
        return blocks.indices.filter { keep[$0] }.map { blocks[$0] }
    }

    /// Binary data named `.html` is refused as any binary file is; a page with a few NUL bytes in it is
    /// still read (they become spaces).
    static func checkLooksLikePage(_ bytes: [UInt8], source: String) throws(ArticleError) {
        let n = min(bytes.count, 8192)
        guard n > 0 else { throw .empty(path: source) }
        let (nul, controls) = bytes.withUnsafeBufferPointer {
            ArticleParser.controlBytesByByte(UnsafeBufferPointer(rebasing: $0[..<n]))
        }
        if controls * 10 > n { throw .binary(path: source) }
        if nul {
            let first = bytes.first {
                $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF
            }
            let nuls = bytes[..<n].count { $0 == 0 }
            if first != UInt8(ascii: "<") || nuls * 20 > n { throw .binary(path: source) }
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty(path: source) }
    }
}

/// Picks a page's title: the article's own heading when the page's metadata agrees with it, else the
/// headline its structured data or Open Graph gives, else `<title>` without the site's name.
struct TitleChooser {
    let title: String?

    init(tree: HTMLTree, extractor: HTMLExtractor, metadata: HTMLMetadata, blocks: [HTMLExtractor.Block]) {
        var h1s: [String] = []
        for (i, node) in tree.nodes.enumerated() where node.name == "h1" {
            let t = HTMLText.clean(tree.text(of: i))
            if !t.isEmpty && t.unicodeScalars.count <= 300 { h1s.append(t) }
            if h1s.count >= 8 { break }
        }
        let site = metadata.siteName
        let claimed = [metadata.structuredTitle, metadata.ogTitle, metadata.twitterTitle, metadata.documentTitle]
            .compactMap { $0 }.filter { !$0.isEmpty }
        let stripped = claimed.map { Self.withoutSiteName($0, site: site) }
        // An h1 the metadata agrees with (whole, or as the part before the site's name).
        // Written as the metadata writes it (the page's heading may differ in quotes and dashes).
        for h in h1s {
            let k = Self.key(h)
            if let same = claimed.first(where: { Self.key($0) == k }) ?? stripped.first(where: { Self.key($0) == k }) {
                title = same
                return
            }
        }
        for h in h1s {
            let k = Self.key(h)
            if k.count >= 10, claimed.contains(where: { Self.key($0).hasPrefix(k) || Self.key($0).contains(k) }) {
                title = h
                return
            }
        }
        if let s = metadata.structuredTitle ?? metadata.ogTitle ?? metadata.twitterTitle {
            title = Self.withoutSiteName(s, site: site)
            return
        }
        // An h1 in the article, else the document's title.
        let firstHeading = blocks.first { $0.headingLevel == 1 }?.text
        if let h = firstHeading ?? (h1s.count == 1 ? h1s[0] : nil) {
            title = h
            return
        }
        if let d = metadata.documentTitle, !d.isEmpty {
            title = Self.withoutSiteName(d, site: site)
            return
        }
        title = h1s.first
    }

    /// "Harbour cranes stop | The Daily Example" → "Harbour cranes stop": the part that is not the
    /// site's name; without a known site name, the longest part.
    static func withoutSiteName(_ title: String, site: String?) -> String {
        let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " / ", " ｜ ", "｜", " • "]
        var parts = [title]
        for sep in separators where title.contains(sep) {
            parts = title.components(separatedBy: sep).map { $0.trimmingCharacters(in: .whitespaces) }
            break
        }
        guard parts.count > 1 else { return title }
        let siteKey = site.map(key)
        let kept = parts.filter { p in
            let k = key(p)
            if let siteKey, !siteKey.isEmpty,
                k == siteKey || siteKey.contains(k) || k.contains(siteKey) && k.count < siteKey.count + 6
            {
                return false
            }
            return !k.isEmpty
        }
        if kept.count == 1 { return kept[0] }
        let pool = kept.isEmpty ? parts : kept
        // The headline is the first part unless a later one is much longer.
        let first = pool[0]
        let longest = pool.max { $0.count < $1.count } ?? first
        return longest.count > first.count * 2 ? longest : (first.split(separator: " ").count >= 2 ? first : longest)
    }

    /// Titles compared without case, spaces or punctuation.
    static func key(_ s: String) -> String {
        String(
            String.UnicodeScalarView(
                s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        )
    }
}
