import ArticleKit

/// What a laid-out line is, so the renderer can style it and the reader can find
/// sections and paragraphs in it.
public enum LineKind: Sendable, Equatable {
    case title
    case heading
    case body
    case blank
    case footer
    case footerLink
}

public struct LayoutLine: Sendable, Equatable {
    public var text: String
    public var kind: LineKind
    /// The section the line belongs to (0 is the lede, or the first section when there is no lede).
    public var section: Int
    /// The block the line belongs to: stable across widths, so a resize can keep the reader's place.
    public var block: Int
}

/// An article laid out to a width: every line, where each section starts, where each block starts.
public struct ArticleLayout: Sendable, Equatable {
    public var width: Int
    public var lines: [LayoutLine]
    /// First line of each section (heading line, or the lede's first line).
    public var sectionStarts: [Int]
    /// First line of each block, by block number.
    public var blockStarts: [Int]

    public static let headingMarker = "§ "

    /// Lays out `article`: title, the sections with their headings, then where PREV/NEXT lead.
    public static func make(_ article: Article, footer: [String], width: Int) -> ArticleLayout {
        let width = max(1, width)
        var layout = ArticleLayout(width: width, lines: [], sectionStarts: [], blockStarts: [])
        var block = 0
        func add(_ text: String, _ kind: LineKind, _ section: Int) {
            layout.lines.append(LayoutLine(text: text, kind: kind, section: section, block: block))
        }
        func addWrapped(_ text: String, _ kind: LineKind, _ section: Int, marker: String = "") {
            layout.blockStarts.append(layout.lines.count)
            // A column too narrow for the marker and one cell of text shows the text alone.
            let marker = DisplayWidth.of(marker) < width ? marker : ""
            let indent = String(repeating: " ", count: DisplayWidth.of(marker))
            let wrapped = TextWrapper.wrap(text, width: max(1, width - indent.count))
            for (i, l) in wrapped.enumerated() { add((i == 0 ? marker : indent) + l, kind, section) }
            block += 1
        }
        addWrapped(article.title, .title, 0)
        for (s, section) in article.sections.enumerated() {
            add("", .blank, s)
            layout.sectionStarts.append(layout.lines.count)
            if let heading = section.heading {
                // "§" marks a heading without colour, in dumps and for screen readers.
                addWrapped(heading, .heading, s, marker: ArticleLayout.headingMarker)
                if !section.paragraphs.isEmpty { add("", .blank, s) }
            }
            for (p, paragraph) in section.paragraphs.enumerated() {
                if p > 0 { add("", .blank, s) }
                addWrapped(paragraph, .body, s)
            }
        }
        let lastSection = max(0, article.sections.count - 1)
        add("", .blank, lastSection)
        for (i, text) in footer.enumerated() {
            addWrapped(text, i == 0 ? .footer : .footerLink, lastSection)
        }
        return layout
    }

    /// The section a line is in.
    public func section(atLine line: Int) -> Int {
        guard !lines.isEmpty else { return 0 }
        return lines[min(max(0, line), lines.count - 1)].section
    }
}
