/// Finds, without asking for a grapheme cluster, the common case where the scalar at an offset is a
/// cluster by itself: most letters of Latin, Greek, Cyrillic, Hangul and CJK text. Building a `Character`
/// for each of them was most of the cost of folding and wrapping such text. The one rule of it: the
/// fold, `/`'s columns and the wrapper all ask `at`.
public enum LoneScalar {
    /// The scalar at `i` and its length, when it is sure to be a whole cluster; nil when grapheme
    /// breaking must decide (marks, jamo, emoji, Indic and Thai clusters and the rest).
    @inlinable
    public static func at(_ i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, length: Int)? {
        guard let (u, length) = UTF8Scalar.decode(bytes, at: i), startsAlone(u.value) else { return nil }
        let next = i + length
        if next == bytes.count || bytes[next] < 0x80 { return (u, length) }
        guard let (v, _) = UTF8Scalar.decode(bytes, at: next), cannotExtend(v.value) else { return nil }
        return (u, length)
    }

    /// Scalars no following scalar joins except the extenders `cannotExtend` rules out: none is a Prepend
    /// character or a Hangul jamo (the only scalars that join with what follows them).
    @usableFromInline
    static func startsAlone(_ v: UInt32) -> Bool {
        v < 0x0590 || (0x2010...0x2027).contains(v) || (0x3000...0x9FFF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xFF01...0xFF9D).contains(v)
    }

    /// Scalars that begin a cluster of their own after anything `startsAlone` accepts: no Extend,
    /// SpacingMark, ZWJ, jamo, regional indicator, pictograph or Indic consonant among them.
    @usableFromInline
    static func cannotExtend(_ v: UInt32) -> Bool {
        v < 0x0300 || (0x0370...0x0482).contains(v) || (0x048A...0x052F).contains(v)
            || (0x2010...0x2027).contains(v) || (0x3000...0x3029).contains(v) || (0x3030...0x303F).contains(v)
            || (0x3041...0x3096).contains(v) || (0x309B...0x30FF).contains(v) || (0x4E00...0x9FFF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xFF01...0xFF9D).contains(v)
    }
}
