import ArticleKit

/// A small JSON value that keeps key order, so script output reads in the order
/// the output contract documents.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A finite number (a score); not finite, it is written as null, as JSON has no NaN.
    case double(Double)
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
        case .double(let d): out += d.isFinite ? String(d) : "null"
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

    /// Escapes quotes, backslashes and every scalar of `UnsafeScalars` (controls, separators,
    /// bidirectional controls, U+FEFF): escaped, they still decode to the same text.
    static func quote(_ s: String, into out: inout String) {
        // Fast path (issue 12: scalar-by-scalar appends were two thirds of `toc --json`):
        // find the escapes on the UTF-8 bytes and copy the runs between them whole.
        out += "\""
        var copy = s  // withUTF8 needs a var; `s` itself is sliced below
        copy.withUTF8 { b in
            let utf8 = s.utf8
            let raw = UnsafeRawBufferPointer(b)
            var run = 0
            var i = 0
            while i < b.count {
                if i + 8 <= b.count && plainASCII(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
                let c = b[i]
                if c >= 0x20 && c < 0x7F && c != 0x22 && c != 0x5C || c >= 0x80 && !UnsafeScalars.startsAt(b, i) {
                    i += 1
                    continue
                }
                let start = utf8.index(utf8.startIndex, offsetBy: i)
                out += s[utf8.index(utf8.startIndex, offsetBy: run)..<start]
                let scalar = s.unicodeScalars[start]
                quoteScalar(scalar, into: &out)
                i += scalar.utf8.count
                run = i
            }
            if run == 0 { out += s } else { out += s[utf8.index(utf8.startIndex, offsetBy: run)...] }
        }
        out += "\""
    }

    /// Whether eight bytes are all printable ASCII other than `"` and `\`: nothing to escape.
    /// Each test is the has-a-zero-byte test (exact as a yes/no).
    @inline(__always)
    private static func plainASCII(_ x: UInt64) -> Bool {
        SWAR.isPrintableASCII(x) && !SWAR.hasByte(x, 0x22) && !SWAR.hasByte(x, 0x5C)
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
            // Bidi controls too: escaped, they cannot reorder a terminal line a script prints.
            if UnsafeScalars.contains(scalar) {
                let hex = String(v, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
}
