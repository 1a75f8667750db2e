import ArticleKit

/// The article as `gazette dump` prints it and as the reader shows it without
/// colour: the title underlined, headings marked with "§", paragraphs wrapped by
/// display width, then where PREV and NEXT lead.
public enum PlainTextDump {
    public static func render(_ article: Article, links: Resolutions?, collection: ArticleCollection?, width: Int) -> String {
        let layout = ArticleLayout.make(article, footer: footer(article, links: links, collection: collection), width: width)
        let titleWidth = layout.lines.filter { $0.kind == .title }.map { DisplayWidth.of($0.text) }.max() ?? 0
        var out: [String] = []
        for (i, line) in layout.lines.enumerated() {
            out.append(line.text)
            let titleEnds = line.kind == .title && (i + 1 == layout.lines.count || layout.lines[i + 1].kind != .title)
            if titleEnds { out.append(String(repeating: "=", count: min(width, titleWidth))) }
        }
        return out.joined(separator: "\n")
    }

    /// The lines shown after the body: where the chain leads.
    /// `indexing`: the folder is still being read, so a title not found yet may still be there.
    public static func footer(_ article: Article, links: Resolutions?, collection: ArticleCollection?, indexing: Bool = false) -> [String] {
        [
            "—",
            "PREV: " + linkLine(article.previousTitle, links?.previous, indexing),
            "NEXT: " + linkLine(article.nextTitle, links?.next, indexing),
        ]
    }

    static func linkLine(_ title: String?, _ link: Link?, _ indexing: Bool) -> String {
        guard let title else { return "(no link)" }
        if link?.target != nil { return title }
        return indexing ? "\(title) (looking it up…)" : "\(title) (not in this collection)"
    }
}
