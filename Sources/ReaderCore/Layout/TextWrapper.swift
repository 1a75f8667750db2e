import ArticleKit

/// Wraps text to a width in terminal columns. Breaks at spaces, and between
/// ideographs in scripts written without spaces (not before closing punctuation
/// such as 。 or 」). A grapheme cluster is never split; a word wider than the
/// line is cut between clusters, and a cluster wider than the line is shown as "…".
/// No line returned is wider than `width`.
///
/// Lines are cut out of the text by index, and ASCII is walked byte by byte
/// (an ASCII byte followed by another is a whole cluster of width 1), so a 50 MB
/// paragraph wraps near the speed of `fold`; other scripts go cluster by cluster.
public enum TextWrapper {
    /// Cuts text to a width with "…" when it does not fit.
    static func cut(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var w = 0
        for c in text {
            let cw = DisplayWidth.of(c)
            if w + cw > width - 1 { break }
            out.append(c)
            w += cw
        }
        return out + "…"
    }

    public static func wrap(_ text: String, width: Int) -> [String] {
        if width <= 1 { return oneColumn(text) }
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { b in
            cuts(text, b, width: width).map { cut in
                cut.shown ?? String(decoding: UnsafeBufferPointer(rebasing: b[cut.from..<cut.to]), as: UTF8.self)
            }
        } ?? oneColumn(text)
    }

    /// The same lines as slices of `text` where they are its own characters: a layout holds them without
    /// a copy of each line (a 50 MB article is 600,000 lines at 80 columns).
    public static func wrapSlices(_ text: String, width: Int) -> [Substring] {
        var text = text
        text.makeContiguousUTF8()
        if width <= 1 { return oneColumn(text).map { Substring($0) } }
        let utf8 = text.utf8
        let found: [Cut]? = utf8.withContiguousStorageIfAvailable { cuts(text, $0, width: width) }
        guard let found else { return oneColumn(text).map { Substring($0) } }
        let start = utf8.startIndex
        return found.map { cut -> Substring in
            if let shown = cut.shown { return Substring(shown) }
            return text[utf8.index(start, offsetBy: cut.from)..<utf8.index(start, offsetBy: cut.to)]
        }
    }

    /// A list item's lines: `text[start...]` wrapped to `width`, as slices of `text`, the first one
    /// reaching back to the start of `text` (the bullet before `start` stays on it).
    public static func wrapSlices(_ text: String, hangingFrom start: String.Index, width: Int) -> [Substring] {
        var text = text
        text.makeContiguousUTF8()
        var tail = String(text[start...])
        tail.makeContiguousUTF8()
        let head = String(text[..<start])
        let found: [Cut]? =
            width <= 1 ? nil : tail.utf8.withContiguousStorageIfAvailable { cuts(tail, $0, width: width) }
        guard let found else {
            let lines = oneColumn(tail)
            return lines.enumerated().map { i, l in i == 0 ? Substring(head + l) : Substring(l) }
        }
        // The tail's bytes are the text's from `start` on: a cut of the tail is a slice of the text.
        let utf8 = text.utf8
        let base = utf8.distance(from: utf8.startIndex, to: start)
        return found.enumerated().map { i, cut -> Substring in
            if let shown = cut.shown { return Substring(i == 0 ? head + shown : shown) }
            let to = utf8.index(utf8.startIndex, offsetBy: base + cut.to)
            if i == 0 { return text[text.startIndex..<to] }
            return text[utf8.index(utf8.startIndex, offsetBy: base + cut.from)..<to]
        }
    }

    /// Preformatted text's line `range` of `text` cut into pieces at most `width` columns wide, between
    /// grapheme clusters, spaces kept: nothing is wrapped at a word and nothing is left out. A cluster
    /// wider than `width` is a piece of its own, shown as "…".
    public static func cutSlices(_ text: String, _ range: Range<String.Index>, width: Int) -> [Substring] {
        let width = max(1, width)
        var pieces: [Substring] = []
        let utf8 = text.utf8
        var start = range.lowerBound
        var i = range.lowerBound
        var used = 0
        while i < range.upperBound {
            let byte = utf8[i]
            let next: String.Index
            let w: Int
            let after = utf8.index(after: i)
            if byte < 0x80 && (after == range.upperBound || utf8[after] < 0x80) {
                // ASCII followed by ASCII: one cluster, one column (controls never reach the text).
                next = after
                w = 1
            } else {
                next = text.index(after: i)
                w = DisplayWidth.of(text[i])
            }
            if w > width {
                if start < i { pieces.append(text[start..<i]) }
                pieces.append("\u{2026}")
                start = next
                used = 0
            } else if used + w > width {
                pieces.append(text[start..<i])
                start = i
                used = w
            } else {
                used += w
            }
            i = next
        }
        if start < range.upperBound || pieces.isEmpty { pieces.append(text[start..<range.upperBound]) }
        return pieces
    }

    /// One line: bytes `from..<to` of the text, or what is shown instead (clusters too wide as "…").
    struct Cut {
        var from: Int
        var to: Int
        var shown: String?
    }

    /// The loop works on byte offsets into the text's own storage; only clusters that
    /// need grapheme breaking go through String indices.
    static func cuts(_ text: String, _ b: UnsafeBufferPointer<UInt8>, width: Int) -> [Cut] {
        let n = b.count
        let start = text.utf8.startIndex
        func index(_ offset: Int) -> String.Index { text.utf8.index(start, offsetBy: offset) }
        var lines: [Cut] = []
        var i = 0
        var lineStart = 0
        var lineWidth = 0
        // Where the line may be cut, and the width of what comes before the cut.
        var breakAt: Int? = nil
        var breakWidth = 0
        var previous: Unicode.Scalar? = nil
        // Set once a cluster wider than the line is met (🤝🏾 is four columns, a conjunct can be
        // more): from then on, emitted lines show such clusters as "…", one column.
        var tooWide = false

        func emit(_ from: Int, _ to: Int) {
            var e = to
            while e > from {
                guard b[e - 1] == 0x20 else { break }
                // After a non-ASCII byte the space may close a cluster a prepended mark
                // (U+0600 and the like) began: then it belongs to that cluster and stays.
                if e - 1 > from && b[e - 2] >= 0x80 && text[index(from)..<index(e)].last != " " { break }
                e -= 1
            }
            guard tooWide else {
                lines.append(Cut(from: from, to: e, shown: nil))
                return
            }
            let line = String(decoding: UnsafeBufferPointer(rebasing: b[from..<e]), as: UTF8.self)
            lines.append(Cut(from: from, to: e, shown: String(line.map { DisplayWidth.of($0) > width ? "…" : $0 })))
        }

        while i < n {
            let byte = b[i]
            // A run of plain ASCII letters after ASCII: no break can fall inside it, so
            // when it fits on the line it is taken whole.
            if byte > 0x20 && byte < 0x7F, let p = previous, p.value < 0x80, lineWidth > 0 {
                // Looking one letter past the room left is enough to know it does not fit;
                // scanning a long word to its end at every letter would be quadratic.
                let limit = min(n, i + (width - lineWidth) + 1)
                var j = i + 1
                while j < limit && b[j] > 0x20 && b[j] < 0x7F { j += 1 }
                if j < n && b[j] >= 0x80 { j -= 1 }  // the last letter may carry a combining mark
                if j > i && lineWidth + (j - i) <= width {
                    lineWidth += j - i
                    previous = Unicode.Scalar(b[j - 1])
                    i = j
                    continue
                }
            }
            var next = i + 1
            var w: Int
            var first: Unicode.Scalar
            if byte < 0x80 && (next == n || b[next] < 0x80) {
                w = byte < 0x20 ? 0 : 1
                first = Unicode.Scalar(byte)
            } else if byte >= 0x80, let (scalar, length) = LoneScalar.at(i, in: b) {
                // Accented Latin, Greek, Cyrillic, Hangul and CJK followed by a plain character: one
                // scalar, one cluster.
                next = i + length
                w = TerminalCells.width(ofLone: scalar)
                first = scalar
            } else {
                let at = index(i)
                let cluster = text[at]
                next = text.utf8.distance(from: start, to: text.index(after: at))
                w = DisplayWidth.of(cluster)
                first = cluster.unicodeScalars.first!
            }
            if w > width {
                // Laid out, and broken around, as the "…" it is shown as.
                w = 1
                first = "\u{2026}"
                tooWide = true
            }
            if byte == 0x20 && next == i + 1 {
                if lineStart == i {  // no leading spaces on a wrapped line
                    lineStart = next
                    previous = first
                    i = next
                    continue
                }
                lineWidth += 1
                breakAt = next
                breakWidth = lineWidth
                previous = first
                if lineWidth >= width {
                    emit(lineStart, next)
                    lineStart = next
                    lineWidth = 0
                    breakAt = nil
                }
                i = next
                continue
            }
            if let p = previous, lineWidth > 0, canBreak(after: p, before: first) {
                breakAt = i
                breakWidth = lineWidth
            }
            // After a cut at an earlier break, what is carried over may still leave no room
            // for this cluster (an ideograph kept with the punctuation after it): then it goes too.
            while lineWidth + w > width && lineStart < i {
                if let cut = breakAt, cut > lineStart {
                    emit(lineStart, cut)
                    lineStart = cut
                    lineWidth -= breakWidth
                } else {
                    emit(lineStart, i)
                    lineStart = i
                    lineWidth = 0
                }
                breakAt = nil
            }
            lineWidth += w
            previous = first
            i = next
        }
        if lineStart < n || lines.isEmpty { emit(lineStart, n) }
        return lines
    }

    /// A one-column window: each visible cluster on its own line, wide ones shown as
    /// "…", zero-width ones kept with their neighbour.
    static func oneColumn(_ text: String) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for c in text {
            if c == " " {
                if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
                continue
            }
            let w = DisplayWidth.of(c)
            if lineWidth + min(w, 1) > 1 { lines.append(line); line = ""; lineWidth = 0 }
            line += w > 1 ? "…" : String(c)
            lineWidth += min(w, 1)
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    static func canBreak(between a: Character, and b: Character) -> Bool {
        guard let sa = a.unicodeScalars.first, let sb = b.unicodeScalars.first else { return false }
        return canBreak(after: sa, before: sb)
    }

    static func canBreak(after sa: Unicode.Scalar, before sb: Unicode.Scalar) -> Bool {
        if sa.value < 0x2E80 && sb.value < 0x2E80 { return false }
        guard DisplayWidth.isIdeographic(sa) || DisplayWidth.isIdeographic(sb) else { return false }
        return !isNoLineStart(sb) && !isNoLineEnd(sa)
    }

    /// Closing punctuation and small kana: a line never starts with them (kinsoku).
    static func isNoLineStart(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF01, 0xFF09, 0x300D, 0x300F, 0x3011, 0x3009,
            0x300B, 0x3015,
            0x30FC, 0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087,
            0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30FB, 0x2026,
            0x29, 0x5D, 0x2C, 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x201D, 0x2019, 0xBB:
            return true
        default:
            return false
        }
    }

    /// Opening brackets and quotes: a line never ends with them.
    static func isNoLineEnd(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xFF08, 0x300C, 0x300E, 0x3010, 0x3008, 0x300A, 0x3014, 0x28, 0x5B, 0x201C, 0x2018, 0xAB: return true
        default: return false
        }
    }
}
