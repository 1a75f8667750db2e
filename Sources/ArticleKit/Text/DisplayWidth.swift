/// Terminal column widths without a terminal, as a terminal that measures with wcwidth()
/// (ncurses, tmux, xterm) moves its cursor: a scalar's width comes from `WidthTable`, made
/// from the Unicode data by glibc's rules; a grapheme cluster is laid out in cells by the
/// rules of `TerminalCells` (a flag is two columns, 🤝🏾 four, a ZWJ sequence its first
/// picture's width).
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        // Fast path for ASCII (a concrete standard-library property, quick even in debug builds).
        if let ascii = character.asciiValue, ascii < 0x7F { return ascii < 0x20 ? 0 : 1 }
        return TerminalCells.width(of: character)
    }

    public static func of(_ text: String) -> Int {
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    public static func of(_ text: Substring) -> Int {
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// The width of one scalar on its own: 0, 1 or 2, what glibc's wcwidth() gives it
    /// (controls and unassigned code points aside, see `WidthTable`).
    @inline(__always)
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        // ASCII and Latin-1 without the table: nothing below U+0300 is wide or combining.
        if v < 0x300 { return v < 0x20 || (0x7F...0x9F).contains(v) ? 0 : 1 }
        // The table's run of wide scalars that holds the common ideographs (and most of the rest of CJK)
        // without the search: it is most of the non-Latin text the wrapper measures.
        let wide = ideographRun
        if v >= wide.first && v <= wide.last { return Int(wide.width) }
        // Kana (but the two combining sound marks U+3099 and U+309A) and Hangul syllables, the
        // rest of Japanese and Korean text, without the search either (a test checks every scalar).
        if (0x3041...0x3096).contains(v) || (0x309B...0x30FF).contains(v) || (0xAC00...0xD7A3).contains(v) {
            return 2
        }
        return tableWidth(v)
    }

    /// The table's entry holding U+4E00, found once.
    static let ideographRun: (first: UInt32, last: UInt32, width: UInt8) = {
        WidthTable.ranges.first { $0.first <= 0x4E00 && 0x4E00 <= $0.last } ?? (1, 0, 1)
    }()

    /// Binary search of the runs of scalars that are not one column wide.
    static func tableWidth(_ v: UInt32) -> Int {
        WidthTable.ranges.withUnsafeBufferPointer { ranges in
            var low = 0
            var high = ranges.count
            while low < high {
                let mid = (low + high) / 2
                let r = ranges[mid]
                if v < r.first {
                    high = mid
                } else if v > r.last {
                    low = mid + 1
                } else {
                    return Int(r.width)
                }
            }
            return 1
        }
    }

    /// True for scripts written without spaces, where a line may break between any two characters.
    public static func isIdeographic(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x2E80 { return false }
        switch s.value {
        case 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0xFF00...0xFF60, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
