import ArticleKit

/// Wraps text to a width in terminal columns. Breaks at spaces, and between
/// ideographs in scripts written without spaces (not before closing punctuation
/// such as 。 or 」). A grapheme cluster is never split; a word wider than the
/// line is cut between clusters. No line returned is wider than `width`.
public enum TextWrapper {
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var line: [(Character, Int)] = []
        var lineWidth = 0
        // Index in `line` where the line may be cut, and whether the cut drops a space.
        var breakAt: Int? = nil
        var previous: Character? = nil

        func emit(_ chars: ArraySlice<(Character, Int)>) {
            var s = ""
            var end = chars.endIndex
            while end > chars.startIndex && chars[end - 1].0 == " " { end -= 1 }
            for (c, _) in chars[chars.startIndex..<end] { s.append(c) }
            lines.append(s)
        }

        for var c in text {
            var w = DisplayWidth.of(c)
            if w > width { c = "…"; w = 1 }  // only in absurdly narrow columns
            if c == " " {
                if lineWidth == 0 { previous = c; continue }  // no leading spaces on a wrapped line
                line.append((" ", 1)); lineWidth += 1
                breakAt = line.count
                previous = c
                if lineWidth >= width {
                    emit(line[...]); line.removeAll(keepingCapacity: true); lineWidth = 0; breakAt = nil
                }
                continue
            }
            if let p = previous, lineWidth > 0, canBreak(between: p, and: c) { breakAt = line.count }
            if lineWidth + w > width {
                if let cut = breakAt, cut > 0 {
                    emit(line[..<cut])
                    let rest = Array(line[cut...])
                    line = rest
                    lineWidth = rest.reduce(0) { $0 + $1.1 }
                } else {
                    emit(line[...])
                    line.removeAll(keepingCapacity: true)
                    lineWidth = 0
                }
                breakAt = nil
            }
            line.append((c, w)); lineWidth += w
            previous = c
        }
        if !line.isEmpty || lines.isEmpty { emit(line[...]) }
        return lines
    }

    static func canBreak(between a: Character, and b: Character) -> Bool {
        guard let sa = a.unicodeScalars.first, let sb = b.unicodeScalars.first else { return false }
        guard DisplayWidth.isIdeographic(sa) || DisplayWidth.isIdeographic(sb) else { return false }
        return !noLineStart.contains(sb) && !noLineEnd.contains(sa)
    }

    static let noLineStart: Set<Unicode.Scalar> = ["、", "。", "，", "．", "：", "；", "？", "！", "）", "」", "』", "】", "〉", "》", "〕", "ー", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "・", "…", ")", "]", ",", ".", "!", "?", ":", ";", "”", "’", "»"]
    static let noLineEnd: Set<Unicode.Scalar> = ["（", "「", "『", "【", "〈", "《", "〔", "(", "[", "“", "‘", "«"]
}
