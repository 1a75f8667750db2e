import ArticleKit

/// The article as `gazette dump` prints it and as the reader shows it without
/// colour: the title underlined, headings marked with "§", paragraphs wrapped by
/// display width, then where PREV and NEXT lead.
public enum PlainTextDump {
    /// The width that never wraps (`dump --width 0`): each paragraph on one line.
    public static let unwrapped = 1 << 30

    public static func render(_ article: Article, links: Resolutions?, collection: ArticleCollection?, width: Int)
        -> String
    {
        let layout = ArticleLayout.make(
            article, footer: footer(article, links: links, collection: collection), width: width)
        let underline = titleUnderline(layout)
        var out: [String] = []
        for (i, line) in layout.lines.enumerated() {
            out.append(line.text)
            let titleEnds = line.kind == .title && (i + 1 == layout.lines.count || layout.lines[i + 1].kind != .title)
            if titleEnds { out.append(underline) }
        }
        return out.joined(separator: "\n")
    }

    /// The lines shown after the body: where the chain leads.
    /// `indexing`: the folder is still being read, so a title not found yet may still be there.
    public static func footer(
        _ article: Article, links: Resolutions?, collection: ArticleCollection?, indexing: Bool = false
    ) -> [FooterLine] {
        footer(previous: article.previousTitle, next: article.nextTitle, links: links, indexing: indexing)
    }

    public static func footer(
        previous: String?, next: String?, links: Resolutions?, indexing: Bool = false
    ) -> [FooterLine] {
        [
            .rule,
            linkLine("PREV: ", previous, links?.previous, indexing),
            linkLine("NEXT: ", next, links?.next, indexing),
        ]
    }

    /// The line and whether it leads somewhere: a title still looked up may yet, so it is not dangling.
    /// A link by address (a page's rel=prev/next, a note's `url`) has no title of its own: the
    /// resolved link's (the title of the page it leads to, else the address).
    static func linkLine(_ label: String, _ title: String?, _ link: Link?, _ indexing: Bool) -> FooterLine {
        guard let title = title ?? link?.title else { return FooterLine(label + "(no link)", .footerUnresolved) }
        if link?.target != nil { return FooterLine(label + title, .footerLink) }
        if indexing { return FooterLine(label + "\(title) (looking it up…)", .footerLink) }
        return FooterLine(label + "\(title) (not in this collection)", .footerUnresolved)
    }
}
