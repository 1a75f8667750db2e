import ArticleKit

/// Every block of an article as "kind: text", headings as "## heading" by their level: how the format
/// tests (HTML, Markdown) compare what a file was read into.
public func articleOutline(_ a: Article) -> [String] {
    var out: [String] = []
    for s in a.sections {
        if let h = s.heading { out.append(String(repeating: "#", count: s.level) + " " + h) }
        for (i, p) in s.paragraphs.enumerated() { out.append("\(s.kind(i).rawValue): \(p)") }
    }
    return out
}
