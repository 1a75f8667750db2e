/// Makes untrusted text safe to show in a terminal or print to one: every scalar of
/// `UnsafeScalars` is replaced or dropped.
///
/// C0 controls, DEL and ESC become visible Control Pictures (ESC shows as ␛),
/// C1 controls become U+FFFD, tabs become a space, and bidirectional embeddings,
/// overrides and isolates are dropped, so a file can neither drive the terminal
/// nor reorder what the reader sees. U+FEFF is dropped too: past the start of a
/// file it is a byte-order mark out of place (files joined end to end), invisible,
/// and it would make a title differ from the same title typed without it.
public enum TextSanitizer {
    /// What happened while sanitising, for warnings.
    public struct Report: Sendable, Equatable {
        public var controls = 0
        public var bidi = 0
        public var isClean: Bool { controls == 0 && bidi == 0 }
    }

    public static func sanitize(_ text: String) -> String {
        var report = Report()
        return sanitize(text, report: &report)
    }

    public static func sanitize(_ text: String, report: inout Report) -> String {
        // Fast path: most text has nothing to change.
        if !text.unicodeScalars.contains(where: needsChange) { return text }
        let scalars = text.unicodeScalars
        var out = ""
        out.reserveCapacity(text.utf8.count)
        // Clean runs are copied whole; only the scalars that change are looked at one by one.
        var run = scalars.startIndex
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let scalar = scalars[i]
            guard needsChange(scalar) else { i = scalars.index(after: i); continue }
            out.append(contentsOf: Substring(scalars[run..<i]))
            switch replacement(for: scalar) {
            case .keep: out.append(Character(scalar))
            case .replace(let r):
                // A tab or line separator becoming a space is layout, not a warning.
                if scalar.value != 0x09 && scalar.value != 0x2028 && scalar.value != 0x2029 { report.controls += 1 }
                out.append(Character(r))
            case .drop:
                if scalar.value != 0xFEFF { report.bidi += 1 }
            }
            i = scalars.index(after: i)
            run = i
        }
        out.append(contentsOf: Substring(scalars[run..<i]))
        return out
    }

    /// A byte-level look at UTF-8 text: false means `sanitize` would change nothing.
    /// Every scalar `needsChange` flags is a byte below 0x20, 0x7F, or a sequence
    /// `UnsafeScalars.startsAt` knows; most lines have none.
    public static func mayNeedChange(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        // Eight bytes at a time while they are all printable ASCII.
        let raw = UnsafeRawBufferPointer(bytes)
        while i < n {
            if i + 8 <= n, SWAR.isPrintableASCII(SWAR.word(raw, at: i)) {
                i += 8
                continue
            }
            let b = bytes[i]
            if b < 0x20 || b == 0x7F { return true }
            if b >= 0x80 && UnsafeScalars.startsAt(bytes, i) { return true }
            i += 1
        }
        return false
    }

    /// True when the scalar would be changed or dropped: exactly the unsafe ones.
    @inline(__always)
    public static func needsChange(_ scalar: Unicode.Scalar) -> Bool { UnsafeScalars.contains(scalar) }

    enum Replacement { case keep, replace(Unicode.Scalar), drop }

    static func replacement(for scalar: Unicode.Scalar) -> Replacement {
        let v = scalar.value
        switch v {
        case 0x09, 0x2028, 0x2029: return .replace(" ")
        case 0x00..<0x20: return .replace(Unicode.Scalar(0x2400 + v)!)
        case 0x7F: return .replace("\u{2421}")
        case 0x80...0x9F: return .replace("\u{FFFD}")
        case 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return .drop
        default: return .keep
        }
    }
}
