import ArticleKit

/// Wraps text to a width in terminal columns. Breaks at spaces, and between
/// ideographs in scripts written without spaces (not before closing punctuation
/// such as 。 or 」). A grapheme cluster is never split; a word wider than the
/// line is cut between clusters. No line returned is wider than `width`.
///
/// Lines are cut out of the text by index, and ASCII is walked byte by byte
/// (an ASCII byte followed by another is a whole cluster of width 1), so a 50 MB
/// paragraph wraps near the speed of `fold`; other scripts go cluster by cluster.
public enum TextWrapper {
    public static func wrap(_ text: String, width: Int) -> [String] {
        if width <= 1 { return oneColumn(text) }
        let utf8 = text.utf8
        let end = utf8.endIndex
        var lines: [String] = []
        var i = utf8.startIndex
        var lineStart = i
        var lineWidth = 0
        // Where the line may be cut, and the width of what comes before the cut.
        var breakAt: String.Index? = nil
        var breakWidth = 0
        var previous: Unicode.Scalar? = nil

        func emit(_ from: String.Index, _ to: String.Index) {
            var e = to
            while e > from {
                let before = utf8.index(before: e)
                guard utf8[before] == 0x20 else { break }
                e = before
            }
            lines.append(String(text[from..<e]))
        }

        while i < end {
            let byte = utf8[i]
            var next = utf8.index(after: i)
            let w: Int
            let first: Unicode.Scalar
            if byte < 0x80 && (next == end || utf8[next] < 0x80) {
                w = byte < 0x20 ? 0 : 1
                first = Unicode.Scalar(byte)
            } else {
                let cluster = text[i]
                next = text.index(after: i)
                w = DisplayWidth.of(cluster)
                first = cluster.unicodeScalars.first!
            }
            if byte == 0x20 && next == utf8.index(after: i) {
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
        if lineStart < end || lines.isEmpty { emit(lineStart, end) }
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
        return !noLineStart.contains(sb) && !noLineEnd.contains(sa)
    }

    static let noLineStart: Set<Unicode.Scalar> = ["、", "。", "，", "．", "：", "；", "？", "！", "）", "」", "』", "】", "〉", "》", "〕", "ー", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "・", "…", ")", "]", ",", ".", "!", "?", ":", ";", "”", "’", "»"]
    static let noLineEnd: Set<Unicode.Scalar> = ["（", "「", "『", "【", "〈", "《", "〔", "(", "[", "“", "‘", "«"]
}
