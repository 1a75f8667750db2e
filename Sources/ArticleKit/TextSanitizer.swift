/// Makes untrusted text safe to show in a terminal or print to one.
///
/// C0 controls, DEL and ESC become visible Control Pictures (ESC shows as ␛),
/// C1 controls become U+FFFD, tabs become a space, and bidirectional embeddings,
/// overrides and isolates are dropped, so a file can neither drive the terminal
/// nor reorder what the reader sees.
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
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch replacement(for: scalar) {
            case .keep: out.append(scalar)
            case .replace(let r):
                // A tab or line separator becoming a space is layout, not a warning.
                if scalar.value != 0x09 && scalar.value != 0x2028 && scalar.value != 0x2029 { report.controls += 1 }
                out.append(r)
            case .drop:
                report.bidi += 1
            }
        }
        return String(out)
    }

    /// True when the scalar would be changed or dropped.
    @inline(__always)
    public static func needsChange(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0x80 { return false }
        if v <= 0x9F { return true }
        if v < 0x2028 { return false }
        return (0x2028...0x2029).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    enum Replacement { case keep, replace(Unicode.Scalar), drop }

    static func replacement(for scalar: Unicode.Scalar) -> Replacement {
        let v = scalar.value
        switch v {
        case 0x09, 0x2028, 0x2029: return .replace(" ")
        case 0x00..<0x20: return .replace(Unicode.Scalar(0x2400 + v)!)
        case 0x7F: return .replace("\u{2421}")
        case 0x80...0x9F: return .replace("\u{FFFD}")
        case 0x202A...0x202E, 0x2066...0x2069: return .drop
        default: return .keep
        }
    }
}
