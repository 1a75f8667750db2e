/// The text of a raw HTML block in a note, read with the HTML format's parser (libxml2), never by
/// cutting tags out by hand: markup is never shown, `<script>`, `<style>`, `<template>` and comments
/// are dropped, entities are decoded, and each block element's text is a block of its own.
enum MarkdownHTML {
    static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
        "tr", "section", "article", "header", "footer", "aside", "nav", "details", "summary", "figure",
        "figcaption", "dl", "dt", "dd", "hr", "main", "address", "center",
    ]
    static let hidden: Set<String> = ["script", "style", "noscript", "template", "head", "title", "iframe", "object"]

    /// The texts of the block, one for each block element (or run of inline text), uncleaned.
    static func texts(_ html: String) -> [String] {
        // Most HTML blocks in notes are a comment, a lone tag or an empty element: nothing to read.
        guard html.utf8.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }) else { return [] }
        let tree = HTMLTree(utf8: Array(html.utf8))
        guard tree.root >= 0 else { return [] }
        var out: [String] = []
        var current = ""
        func flush() {
            if current.unicodeScalars.contains(where: { !HTMLText.isSpace($0) }) { out.append(current) }
            current = ""
        }
        // Depth first with a stack of our own: (node, entering).
        var stack: [(Int, Bool)] = [(tree.root, true)]
        while let (i, entering) = stack.popLast() {
            let node = tree.nodes[i]
            if node.isText {
                current += node.text
                continue
            }
            if hidden.contains(node.name) { continue }
            let isBlock = blockElements.contains(node.name)
            if !entering {
                if isBlock { flush() }
                continue
            }
            if isBlock { flush() }
            stack.append((i, false))
            for c in node.children.reversed() { stack.append((c, true)) }
        }
        flush()
        return out
    }
}
