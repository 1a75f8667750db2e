/// Splits raw bytes into lines: LF, CRLF and lone CR all end a line, a UTF-8 BOM is
/// dropped, each line is decoded on its own (invalid UTF-8 becomes U+FFFD without
/// swallowing the rest of the line), sanitised, and stripped of trailing spaces.
struct LineReader {
    struct Result {
        var lines: [String]
        var invalidUTF8 = false
        var sanitized = TextSanitizer.Report()
    }

    static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        var result = Result(lines: [])
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var i = start
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                result.lines.append(decode(bytes, start..<i, into: &result))
                if b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                i += 1
                start = i
            } else {
                i += 1
            }
        }
        if start < n { result.lines.append(decode(bytes, start..<n, into: &result)) }
        return result
    }

    static func lines(_ bytes: [UInt8]) -> Result {
        bytes.withUnsafeBufferPointer { lines($0) }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into result: inout Result) -> String {
        var end = range.upperBound
        // Trailing ASCII spaces and tabs carry nothing; Unicode spaces are trimmed after decoding.
        while end > range.lowerBound && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        let slice = UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<end])
        var line: String
        if let valid = String(validating: slice, as: UTF8.self) {
            line = valid
        } else {
            result.invalidUTF8 = true
            line = String(decoding: slice, as: UTF8.self)
        }
        if TextSanitizer.mayNeedChange(slice) { line = TextSanitizer.sanitize(line, report: &result.sanitized) }
        return trimmingTrailingWhitespace(line)
    }

    static func trimmingTrailingWhitespace(_ s: String) -> String {
        guard let last = s.unicodeScalars.last, last.properties.isWhitespace else { return s }
        var scalars = s.unicodeScalars[...]
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

extension String {
    /// The line with surrounding whitespace removed.
    var trimmed: String {
        var scalars = unicodeScalars[...]
        while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// A line of dashes only: the format's separator.
    var isSeparatorLine: Bool {
        let t = trimmed
        return !t.isEmpty && t.utf8.count <= 200 && t.unicodeScalars.allSatisfy { $0 == "-" || $0 == "\u{2013}" || $0 == "\u{2014}" }
    }

    var isBlankLine: Bool { unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
}
