import ArticleKit

/// A small JSON value that keeps key order, so script output reads in the order
/// the output contract documents.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized == b.serialized }

    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// Compact, one line: JSON Lines output puts one value per line.
    public var serialized: String {
        var out = ""
        write(into: &out)
        return out
    }

    func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                JSONValue.quote(key, into: &out)
                out += ":"
                value.write(into: &out)
            }
            out += "}"
        }
    }

    /// Escapes quotes, backslashes, every control character (C0, DEL, C1), the
    /// line/paragraph separators (some JSON readers take them as line ends) and the
    /// bidirectional controls.
    static func quote(_ s: String, into out: inout String) {
        // Fast path (issue 12: scalar-by-scalar appends were two thirds of `toc --json`):
        // find the escapes on the UTF-8 bytes and copy the runs between them whole.
        out += "\""
        let utf8 = s.utf8
        var run = utf8.startIndex
        var i = run
        while i != utf8.endIndex {
            let c = utf8[i]
            if c >= 0x20 && c < 0x7F && c != 0x22 && c != 0x5C || c >= 0x80 && !escapedLead(utf8, i) {
                i = utf8.index(after: i)
                continue
            }
            out += s[run..<i]
            let scalar = s.unicodeScalars[i]
            quoteScalar(scalar, into: &out)
            i = s.unicodeScalars.index(after: i)
            run = i
        }
        out += s[run..<i]
        out += "\""
    }

    /// Whether the non-ASCII byte at `i` starts a scalar `quoteScalar` escapes: a C1 control
    /// (C2 80–9F), U+2028–U+202E (E2 80 A8–AE) or U+2066–U+2069 (E2 81 A6–A9).
    @inline(__always)
    private static func escapedLead(_ u: String.UTF8View, _ i: String.Index) -> Bool {
        let c = u[i]
        guard c == 0xC2 || c == 0xE2 else { return false }
        let j = u.index(after: i)
        guard j != u.endIndex else { return false }
        let d = u[j]
        if c == 0xC2 { return d <= 0x9F }
        guard d == 0x80 || d == 0x81 else { return false }
        let k = u.index(after: j)
        guard k != u.endIndex else { return false }
        let e = u[k]
        return d == 0x80 ? (0xA8...0xAE).contains(e) : (0xA6...0xA9).contains(e)
    }

    /// The reference: every scalar through `quoteScalar`. The differential test holds
    /// `quote` to it.
    static func quoteByScalar(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars { quoteScalar(scalar, into: &out) }
        out += "\""
    }

    private static func quoteScalar(_ scalar: Unicode.Scalar, into out: inout String) {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            let v = scalar.value
            // Bidi embeddings, overrides and isolates too: escaped, they cannot reorder a terminal line.
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            {
                let hex = String(v, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
}
