import ArticleKit

/// Shortens a status-line message so its point survives: a quoted title (“…”) or the first
/// part before " · " (a path) gives up room before the verdict does.
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
            if let shortened = shrink(head, in: text, range: range, width) { return shortened }
        }
        return Renderer.fit(text, width)
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
