import Foundation

/// Reads the article's elements into blocks, in document order: headings with their level, paragraphs,
/// list items with their bullet or number, quotes, code kept as it is, table rows, captions. Within the
/// article, furniture that scoring let in is left out again: link lists, "read also" lines.
struct HTMLBlockReader {
    let extractor: HTMLExtractor
    private(set) var blocks: [HTMLExtractor.Block] = []
    private var buffer = ""
    private var quoteDepth = 0
    private var listDepth = 0

    init(_ extractor: HTMLExtractor) { self.extractor = extractor }

    var tree: HTMLTree { extractor.tree }

    mutating func read(_ roots: [Int]) {
        for r in roots { visit(r, depth: 0) }
        flush()
    }

    private mutating func flush(_ kind: BlockKind = .text) {
        guard !buffer.isEmpty else { return }
        let text = HTMLText.clean(buffer)
        buffer.removeAll(keepingCapacity: true)
        guard !text.isEmpty else { return }
        if kind == .text && (isReadAlso(text) || BoilerplateRules.isFurnitureLine(text)) { return }
        blocks.append(.init(text: text, kind: quoteDepth > 0 && kind == .text ? .quote : kind))
    }

    private func isReadAlso(_ text: String) -> Bool {
        guard text.count < 300 else { return false }
        let lower = text.lowercased()
        return BoilerplateRules.readAlsoPrefixes.contains { lower.hasPrefix($0) }
    }

    private mutating func visit(_ i: Int, depth: Int) {
        guard !extractor.removed[i] else { return }
        let node = tree.nodes[i]
        if node.isText {
            buffer += node.text
            return
        }
        guard depth < HTMLTree.maxDepth else { return }
        switch node.name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flush()
            let text = HTMLText.clean(tree.text(of: i))
            guard !text.isEmpty else { return }
            let level = Int(String(node.name.dropFirst())) ?? 2
            // A heading that is a link is a teaser for another article; one that names furniture
            // ("Comments", "Related articles") heads what was left out.
            if extractor.linkDensity(i) > 0.8 || extractor.isInsideLink(i) || BoilerplateRules.isFurnitureHeading(text)
            {
                return
            }
            // A "heading" of a paragraph's length is a paragraph set in large type.
            if text.unicodeScalars.count > 250 || quoteDepth > 0 || listDepth > 0 {
                blocks.append(.init(text: text, kind: .text))
            } else {
                blocks.append(.init(text: text, kind: .text, headingLevel: level))
            }
        case "br":
            flush()
        case "hr":
            flush()
        case "pre":
            flush()
            let code = Self.codeText(tree.text(of: i))
            if !code.isEmpty { blocks.append(.init(text: code, kind: .code)) }
        case "ul", "ol":
            flush()
            if isLinkList(i) { return }
            listDepth += 1
            var number = Int(node.attribute("start") ?? "") ?? 1
            for c in node.children where !extractor.removed[c] {
                let child = tree.nodes[c]
                if child.name == "li" {
                    item(c, marker: node.name == "ol" ? "\(number). " : "• ", depth: depth + 1)
                    number += 1
                } else {
                    visit(c, depth: depth + 1)
                }
            }
            flush()
            listDepth -= 1
        case "li":
            item(i, marker: "• ", depth: depth + 1)
        case "blockquote":
            flush()
            quoteDepth += 1
            for c in node.children { visit(c, depth: depth + 1) }
            flush()
            quoteDepth -= 1
        case "figcaption":
            flush()
            let text = HTMLText.clean(tree.text(of: i))
            if !text.isEmpty { blocks.append(.init(text: text, kind: .caption)) }
        case "table":
            flush()
            table(i, depth: depth)
        case "dt", "dd", "p", "div", "section", "article", "main", "header", "center", "address", "details",
            "summary", "figure", "body", "html", "#root", "dl", "tr", "td", "th", "tbody", "thead", "tfoot", "caption":
            flush()
            if isLinkBlock(i) { return }
            for c in node.children { visit(c, depth: depth + 1) }
            flush()
        default:
            if BoilerplateRules.inlineTags.contains(node.name) {
                if node.name == "img" { return }
                for c in node.children { visit(c, depth: depth + 1) }
            } else {
                // Unknown (custom) elements are read as blocks: their text is not run into a neighbour's.
                flush()
                if isLinkBlock(i) { return }
                for c in node.children { visit(c, depth: depth + 1) }
                flush()
            }
        }
    }

    /// One list item: its own text with its marker; lists inside it follow as items of their own.
    private mutating func item(_ i: Int, marker: String, depth: Int) {
        flush()
        let indent = String(repeating: "  ", count: max(0, listDepth - 1))
        var nested: [Int] = []
        var text = ""
        collectItemText(i, into: &text, nested: &nested)
        let cleaned = HTMLText.clean(text)
        if !cleaned.isEmpty { blocks.append(.init(text: indent + marker + cleaned, kind: .listItem)) }
        for n in nested { visit(n, depth: depth + 1) }
    }

    private func collectItemText(_ i: Int, into text: inout String, nested: inout [Int]) {
        for c in tree.nodes[i].children where !extractor.removed[c] {
            let child = tree.nodes[c]
            if child.isText {
                text += child.text
            } else if child.name == "ul" || child.name == "ol" {
                nested.append(c)
            } else if child.name == "br" || child.name == "p" || child.name == "div" {
                text += " "
                collectItemText(c, into: &text, nested: &nested)
                text += " "
            } else {
                collectItemText(c, into: &text, nested: &nested)
            }
        }
    }

    /// A table of data becomes one row a line, cells joined by " | "; a table used for layout (blocks
    /// in its cells) is read as the blocks it holds.
    private mutating func table(_ i: Int, depth: Int) {
        var rows: [Int] = []
        var layout = false
        var stack = [i]
        while let k = stack.popLast() {
            for c in tree.nodes[k].children.reversed() where !extractor.removed[c] {
                let name = tree.nodes[c].name
                switch name {
                case "tr": rows.append(c); stack.append(c)
                case "thead", "tbody", "tfoot", "td", "th": stack.append(c)
                case "table", "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre":
                    layout = true
                default: break
                }
            }
        }
        if layout {
            for c in tree.nodes[i].children { visit(c, depth: depth + 1) }
            flush()
            return
        }
        if isLinkBlock(i) { return }
        for r in rows.reversed() {
            let cells = tree.nodes[r].children.filter {
                !extractor.removed[$0] && (tree.nodes[$0].name == "td" || tree.nodes[$0].name == "th")
            }
            let texts = cells.map { HTMLText.clean(tree.text(of: $0)) }
            guard texts.contains(where: { !$0.isEmpty }) else { continue }
            blocks.append(.init(text: texts.joined(separator: " | "), kind: cells.count > 1 ? .tableRow : .text))
        }
    }

    /// A block that is mostly links: navigation or a "related" list that scoring let in.
    private func isLinkBlock(_ i: Int) -> Bool {
        let length = extractor.textLength[i]
        guard length > 0 else { return false }
        let density = extractor.linkDensity(i)
        let weight = extractor.names[i].weight
        if weight < 0 && density > 0.2 { return true }
        return density > 0.5 && weight < 25
    }

    /// A list whose items are each a link and little more.
    private func isLinkList(_ i: Int) -> Bool {
        let items = tree.nodes[i].children.filter { tree.nodes[$0].name == "li" && !extractor.removed[$0] }
        guard !items.isEmpty else { return false }
        if extractor.linkDensity(i) > 0.7 { return true }
        return extractor.names[i].weight < 0 && extractor.linkDensity(i) > 0.3
    }

    /// Preformatted text: its lines kept, tabs as four spaces, blank lines at its ends dropped, each
    /// line made safe.
    static func codeText(_ raw: String) -> String {
        var lines = raw.replacingTabs().split(separator: "\n", omittingEmptySubsequences: false).map {
            TextSanitizer.sanitize(String($0).trimmingTrailingSpaces())
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        guard contains("\t") || contains("\r") else { return self }
        var out = ""
        for c in self {
            if c == "\t" { out += "    " } else if c == "\r" || c == "\r\n" { out += "\n" } else { out.append(c) }
        }
        return out
    }

    fileprivate func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let last = s.unicodeScalars.last, last == " " || last == "\u{A0}" { s = s.dropLast() }
        return String(s)
    }
}
