/// Terminal column widths by Unicode rules, without a terminal: East Asian wide and
/// fullwidth characters and emoji take two columns, combining marks and format
/// characters none. Works on grapheme clusters, so a flag, a skin-toned or ZWJ emoji
/// is measured as the single picture a terminal shows.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        // Fast path for ASCII (a concrete standard-library property, quick even in debug builds).
        if let ascii = character.asciiValue, ascii < 0x7F { return ascii < 0x20 ? 0 : 1 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F { return first.value < 0x20 ? 0 : 1 }
        var base = -1
        for s in scalars {
            // Variation selector 16 asks for the emoji picture: two columns.
            if s.value == 0xFE0F { return 2 }
            if base < 0 {
                let w = of(s)
                if w > 0 { base = w }
            }
        }
        if scalars.count >= 2 && isRegionalIndicator(first) { return 2 }
        if base > 0 { return base }
        // No visible base: a lone combining mark still needs a cell to sit on;
        // invisible format characters (ZWSP, ZWJ) take none.
        let onlyFormat = scalars.allSatisfy { $0.properties.generalCategory == .format || $0.value == 0x200B }
        return onlyFormat ? 0 : 1
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

    /// The width of one scalar on its own.
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        // Ranges first: CJK text would otherwise pay a property lookup per character.
        // The few combining marks inside the wide ranges are zero-width.
        if isWide(v) { return (0x302A...0x302D).contains(v) || (0x3099...0x309A).contains(v) ? 0 : 2 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) || (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return 0 }
        if s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    static func isRegionalIndicator(_ s: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(s.value) }

    /// East Asian Wide (W) and Fullwidth (F) ranges.
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
             0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF,
             0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
             0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF,
             0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
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
