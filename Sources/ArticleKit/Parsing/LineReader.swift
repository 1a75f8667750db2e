/// Turns the bytes of one line (as `LineSplitter` finds them) into the text the grammar reads:
/// decoded on its own, so invalid UTF-8 becomes U+FFFD without swallowing the rest of the line;
/// sanitised; stripped of trailing whitespace. Counts what it had to change, for warnings.
struct LineReader {
    private(set) var invalidUTF8 = false
    private(set) var sanitized = TextSanitizer.Report()

    mutating func text(of bytes: UnsafeBufferPointer<UInt8>) -> String {
        var end = bytes.count
        // Trailing ASCII spaces and tabs carry nothing; Unicode spaces are trimmed after decoding.
        while end > 0 && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        let slice = UnsafeBufferPointer(rebasing: bytes[..<end])
        var line: String
        if let valid = String(validating: slice, as: UTF8.self) {
            line = valid
        } else {
            invalidUTF8 = true
            line = String(decoding: slice, as: UTF8.self)
        }
        if TextSanitizer.mayNeedChange(slice) { line = TextSanitizer.sanitize(line, report: &sanitized) }
        return Self.trimmingTrailingWhitespace(line)
    }

    static func trimmingTrailingWhitespace(_ s: String) -> String {
        guard let last = s.unicodeScalars.last, ArticleGrammar.isWhitespace(last) else { return s }
        var scalars = s.unicodeScalars[...]
        while let l = scalars.last, ArticleGrammar.isWhitespace(l) { scalars.removeLast() }
        return String(scalars)
    }
}
