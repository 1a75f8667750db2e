/// The scalars that must never reach a terminal, or a script's JSON, as they are: C0 controls,
/// DEL, C1 controls, the line and paragraph separators (some JSON readers end a line there), the
/// bidirectional embeddings, overrides and isolates (they reorder what is shown), and U+FEFF.
/// One table: `TextSanitizer` replaces or drops these, `JSONValue` escapes them.
///
/// U+FEFF is in the table for both. Past the start of a file it is a byte-order mark out of
/// place: invisible, and a title holding it differs from the same title typed. The sanitiser
/// drops it; JSON escapes it as `\ufeff` rather than dropping it, because JSON also carries
/// file names, which must round-trip exactly, and escaped it is visible and still decodes back.
public enum UnsafeScalars {
    /// True for every scalar in the table.
    @inlinable
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0x80 { return false }
        if v <= 0x9F { return true }
        if v < 0x2028 { return false }
        return (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0xFEFF
    }

    /// Whether the UTF-8 scalar whose first byte, 0x80 or above, is at `i` is in the table: a C1
    /// control (C2 80–9F), U+2028–U+202E (E2 80 A8–AE), U+2066–U+2069 (E2 81 A6–A9) or U+FEFF
    /// (EF BB BF). For byte-level fast paths; ASCII is theirs to test.
    @inlinable
    public static func startsAt(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let lead = bytes[i]
        guard lead == 0xC2 || lead == 0xE2 || lead == 0xEF, i + 1 < bytes.count else { return false }
        let second = bytes[i + 1]
        if lead == 0xC2 { return second <= 0x9F }
        guard i + 2 < bytes.count else { return false }
        let third = bytes[i + 2]
        if lead == 0xEF { return second == 0xBB && third == 0xBF }
        switch second {
        case 0x80: return (0xA8...0xAE).contains(third)
        case 0x81: return (0xA6...0xA9).contains(third)
        default: return false
        }
    }
}
