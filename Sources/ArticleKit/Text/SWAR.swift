/// Eight bytes at a time (SWAR: SIMD within a register), for the scans that skip runs of plain bytes:
/// the line splitter, the parser's control count, the sanitiser's and the JSON writer's fast paths.
/// Each test is the classic has-a-zero-byte test, exact as a yes/no.
public enum SWAR {
    public static let ones: UInt64 = 0x0101_0101_0101_0101
    public static let high: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset`, unaligned.
    @inlinable @inline(__always)
    public static func word(_ raw: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }

    /// Whether a byte of `x` is `byte`.
    @inlinable @inline(__always)
    public static func hasByte(_ x: UInt64, _ byte: UInt8) -> Bool {
        let v = x ^ (ones &* UInt64(byte))
        return (v &- ones) & ~v & high != 0
    }

    /// Whether a byte of `x` is below `bound` (at most 0x80).
    @inlinable @inline(__always)
    public static func hasByte(_ x: UInt64, below bound: UInt8) -> Bool {
        (x &- ones &* UInt64(bound)) & ~x & high != 0
    }

    /// Whether a byte of `x` has its top bit set (is not ASCII).
    @inlinable @inline(__always)
    public static func hasNonASCII(_ x: UInt64) -> Bool { x & high != 0 }

    /// Whether all eight bytes are printable ASCII: none below 0x20, none 0x7F, none above.
    @inlinable @inline(__always)
    public static func isPrintableASCII(_ x: UInt64) -> Bool {
        !hasNonASCII(x) && !hasByte(x, below: 0x20) && !hasByte(x, 0x7F)
    }
}
