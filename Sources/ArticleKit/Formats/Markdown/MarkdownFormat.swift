import CCmark

/// Markdown notes, read with cmark (the CommonMark reference parser). Headings are sections; the title
/// is the front matter's `title`, else the first `#` heading.
public struct MarkdownFormat: ArticleFormat {
    public var name: ArticleFormatName { .markdown }
    public init() {}

    public func parse(_ bytes: [UInt8], source: String) throws(ArticleError) -> Article {
        try ArticleParser.checkLooksLikeText(bytes, source: source)
        let text = String(decoding: bytes, as: UTF8.self)
        guard let doc = cmark_parse_document(text, text.utf8.count, CMARK_OPT_DEFAULT) else {
            throw .empty(path: source)
        }
        defer { cmark_node_free(doc) }
        var title: String?
        var sections: [Section] = []
        var node = cmark_node_first_child(doc)
        while let n = node {
            let literal = Self.text(n)
            if cmark_node_get_type(n) == CMARK_NODE_HEADING {
                let level = Int(cmark_node_get_heading_level(n))
                if title == nil && level == 1 && sections.isEmpty {
                    title = literal
                } else {
                    sections.append(Section(heading: literal, paragraphs: [], level: level))
                }
            } else if !literal.isEmpty {
                if sections.isEmpty { sections.append(Section(heading: nil, paragraphs: [])) }
                sections[sections.count - 1].append(literal)
            }
            node = cmark_node_next(n)
        }
        guard let title else { throw .empty(path: source) }
        return Article(
            title: title, sections: sections, previousTitle: nil, nextTitle: nil, source: source,
            meta: ArticleMeta(format: .markdown))
    }

    static func text(_ node: OpaquePointer) -> String {
        var out = ""
        let iter = cmark_iter_new(node)
        defer { cmark_iter_free(iter) }
        while cmark_iter_next(iter) != CMARK_EVENT_DONE {
            guard let cur = cmark_iter_get_node(iter), let lit = cmark_node_get_literal(cur) else { continue }
            out += String(cString: lit)
        }
        return HTMLText.clean(out)
    }
}
