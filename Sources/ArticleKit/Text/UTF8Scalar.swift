/// The one UTF-8 decoder of the hot paths (the wrapper, the fold, the index's tokens, the heading
/// features): the scalar whose encoding starts at a byte, and its length. The bytes are valid UTF-8
/// (they are a String's, or the parser's sanitised text); nil only when they are not — cut short at the
/// end, or not a scalar — and each caller says what stands for that.
public enum UTF8Scalar {
    @inlinable @inline(__always)
    public static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        let lead = UInt32(b[i])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        let length = lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2)
        guard i + length <= b.count else { return nil }
        var value = lead & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
        for k in 1..<length { value = value << 6 | UInt32(b[i + k] & 0x3F) }
        return Unicode.Scalar(value).map { ($0, length) }
    }
}
