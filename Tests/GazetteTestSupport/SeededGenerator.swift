import Foundation

/// A small deterministic generator (Marsaglia's xorshift64, shifts 13/7/17), so that
/// every random input of a test can be replayed: tests start it from a fixed seed,
/// print the seed, and take GAZETTE_TEST_SEED instead when it is set.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    public let seed: UInt64
    private var state: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed  // xorshift never leaves 0
    }

    public mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    /// The generator of one randomised test: `seed`, or GAZETTE_TEST_SEED when set.
    /// Prints the seed, so a failure can be replayed with the same inputs.
    public static func forTest(_ test: String = #function, seed: UInt64) -> SeededGenerator {
        let override = ProcessInfo.processInfo.environment["GAZETTE_TEST_SEED"].flatMap { UInt64($0) }
        let chosen = override ?? seed
        print("\(test): random seed \(chosen) (replay with GAZETTE_TEST_SEED=\(chosen))")
        return SeededGenerator(seed: chosen)
    }
}

/// `count` deterministic bytes from `seed` (the low byte of each step).
public func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
}
