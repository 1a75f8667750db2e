/// FNV-1a, 64 bits: a hash that is the same in every run and on every machine (Swift's `Hasher`
/// is seeded per process), for what is stored or named by it: the furniture word sets, the first-
/// article cache's file names, the reading state's fingerprints. One definition for all three.
public struct FNV1a: Sendable {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x100_0000_01b3

    public var value: UInt64

    /// `seed` other than the offset basis gives an independent hash (the fingerprints use two).
    @inlinable
    public init(seed: UInt64 = FNV1a.offsetBasis) { value = seed }

    @inlinable
    public mutating func add(_ byte: UInt8) { value = (value ^ UInt64(byte)) &* FNV1a.prime }

    @inlinable
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h = FNV1a()
        for b in bytes { h.add(b) }
        return h.value
    }
}
