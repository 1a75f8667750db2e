/// Finds, without asking for a grapheme cluster, the common case where the scalar at an offset is a
/// cluster by itself: most letters of Latin, Greek, Cyrillic and CJK text. Building a `Character` for
/// each of them was most of the cost of folding such text.
public enum LoneScalar {
    /// The scalar at `i` and its length, when it is sure to be a whole cluster; nil when grapheme
    /// breaking must decide (marks, jamo, emoji, Indic and Thai clusters and the rest).
    public static func at(_ i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, length: Int)? {
        guard let (u, length) = decode(at: i, bytes), startsAlone(u.value) else { return nil }
        let next = i + length
        if next == bytes.count || bytes[next] < 0x80 { return (u, length) }
        guard let (v, _) = decode(at: next, bytes), cannotExtend(v.value) else { return nil }
        return (u, length)
    }

    /// Scalars no following scalar joins except the extenders `cannotExtend` rules out: none is a Prepend
    /// character or a Hangul jamo (the only scalars that join with what follows them).
    static func startsAlone(_ v: UInt32) -> Bool {
        v < 0x0590 || (0x2010...0x2027).contains(v) || (0x3000...0x9FFF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xFF01...0xFF9D).contains(v)
    }

    /// Scalars that begin a cluster of their own after anything `startsAlone` accepts: no Extend,
    /// SpacingMark, ZWJ, jamo, regional indicator, pictograph or Indic consonant among them.
    static func cannotExtend(_ v: UInt32) -> Bool {
        v < 0x0300 || (0x0370...0x0482).contains(v) || (0x048A...0x052F).contains(v)
            || (0x2010...0x2027).contains(v) || (0x3000...0x3029).contains(v) || (0x3041...0x3096).contains(v)
            || (0x30A0...0x30FF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xFF01...0xFF9D).contains(v)
    }

    /// The scalar whose UTF-8 encoding starts at `i` (the text is valid UTF-8: it comes from a String).
    private static func decode(at i: Int, _ b: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int)? {
        let lead = UInt32(b[i])
        let value: UInt32, length: Int
        switch lead {
        case 0..<0x80: value = lead; length = 1
        case 0xC0..<0xE0: value = (lead & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); length = 2
        case 0xE0..<0xF0:
            value = (lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); length = 3
        default:
            value =
                (lead & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                | UInt32(b[i + 3] & 0x3F)
            length = 4
        }
        return Unicode.Scalar(value).map { ($0, length) }
    }
}
