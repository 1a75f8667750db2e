import ArticleKit

/// Shortens a status-line message so its point survives: a quoted title (“…”) or the first
/// part before " · " (a path) gives up room before the verdict does. A path gives up its folder
/// first: the file's name is what a person looks for.
enum StatusText {
    static func fit(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        if let open = text.firstIndex(of: "“"), let close = text[open...].firstIndex(of: "”") {
            let inner = String(text[text.index(after: open)..<close])
            let range = text.index(after: open)..<close
            if let shortened = shrink(inner, in: text, range: range, width) { return shortened }
        }
        if let dot = text.range(of: " · ") {
            let head = String(text[..<dot.lowerBound])
            let range = text.startIndex..<dot.lowerBound
            if let shortened = shrinkFolder(head, in: text, range: range, width) { return shortened }
            if let shortened = shrink(head, in: text, range: range, width) { return shortened }
        }
        return Renderer.fit(text, width)
    }

    /// `text` with the folder of the path at `range` cut ("/work/ne…/a.txt") so that it fits; when even
    /// "…/a.txt" does not, that, with the message's end cut instead. Nil when `path` has no folder.
    static func shrinkFolder(_ path: String, in text: String, range: Range<String.Index>, _ width: Int) -> String? {
        guard let slash = path.lastIndex(of: "/"), path.index(after: slash) < path.endIndex else { return nil }
        let name = "…/" + path[path.index(after: slash)...]
        let before = String(text[..<range.lowerBound])
        let after = String(text[range.upperBound...])
        let room = width - DisplayWidth.of(before) - DisplayWidth.of(after) - DisplayWidth.of(name)
        guard room >= 0 else { return Renderer.fit(before + name + after, width) }
        var kept = ""
        for c in path[..<slash] {
            if DisplayWidth.of(kept) + DisplayWidth.of(c) > room { break }
            kept.append(c)
        }
        return before + kept + name + after
    }

    /// `text` with `part` (at `range`) cut to what is left of `width` once the rest is in, if
    /// that leaves a few characters of it.
    static func shrink(_ part: String, in text: String, range: Range<String.Index>, _ width: Int) -> String? {
        let rest = DisplayWidth.of(text) - DisplayWidth.of(part)
        let room = width - rest
        guard room >= 4 else { return nil }
        var cut = Renderer.fit(part, room)
        // "in un …" reads as a gap: the ellipsis goes against the last word.
        while cut.hasSuffix(" …") { cut.remove(at: cut.index(cut.endIndex, offsetBy: -2)) }
        return String(text[..<range.lowerBound]) + cut + String(text[range.upperBound...])
    }
}
