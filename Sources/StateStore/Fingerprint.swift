import ArticleKit

/// What an article is known by when its path changes: a hash of its text with white
/// space folded (so line endings and re-wrapping do not count), as 32 hex digits.
public enum Fingerprint {
    /// Enough of a file to tell articles apart; the rest of a huge file is not read.
    public static let maxBytes = 4 << 20

    public static func of(_ bytes: some Collection<UInt8>) -> String {
        // Two FNV-1a hashes with different seeds: 128 bits, stable across runs and machines.
        var a = FNV1a(), b = FNV1a(seed: 0x84222325_cbf29ce4)
        var pendingSpace = false, started = false
        func feed(_ byte: UInt8) {
            a.add(byte)
            b.add(byte ^ 0x5c)
        }
        for byte in bytes {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = started
                continue
            }
            if pendingSpace { feed(0x20); pendingSpace = false }
            feed(byte)
            started = true
        }
        return hex(a.value) + hex(b.value)
    }

    /// The fingerprint of the file at `path`; nil when it cannot be read.
    public static func ofFile(_ path: String, reader: FileReader = FileReader()) -> String? {
        guard let (bytes, _) = try? reader.prefix(path, count: maxBytes) else { return nil }
        return of(bytes)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
