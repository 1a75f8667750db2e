#if canImport(Glibc)
    import Glibc
#endif

/// What is done to a page's UTF-8 bytes before libxml2 reads them, for two things libxml2's HTML
/// parser does differently from a browser:
/// - `<![CDATA[ … ]]>` in a page is a comment to a browser (the HTML5 tokenizer's bogus comment);
///   libxml2 keeps it as text, markup and all. It is made a comment.
/// - libxml2 (without XML_PARSE_HUGE, which is not used: docs/HTML.md) stops a page at a text node
///   over 10,000,000 bytes. A run of text that long is cut into pieces by empty `<wbr>` elements
///   (inline: the paragraph stays one), at spaces where it has them.
enum HTMLPreparation {
    /// Text runs longer than this get a `<wbr>` (well under libxml2's 10 MB limit for one text node).
    static let longestRun = 1 << 20

    static func prepare(_ bytes: [UInt8]) -> [UInt8] {
        let cdataOpen = Array("<![CDATA[".utf8)
        let hasCDATA = contains(bytes, cdataOpen)
        // Almost every page has neither: it is handed on untouched.
        guard hasCDATA || hasLongRun(bytes) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / longestRun * 8 + 16)
        var run = 0
        var inCDATA = false
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c == UInt8(ascii: "<") {
                    run = 0
                    if hasCDATA && matches(b, i, cdataOpen) {
                        out += Array("<!--[CDATA[".utf8)
                        i += cdataOpen.count
                        inCDATA = true
                        continue
                    }
                } else if inCDATA && c == UInt8(ascii: "]") && i + 2 < n && b[i + 1] == UInt8(ascii: "]")
                    && b[i + 2] == UInt8(ascii: ">")
                {
                    out += Array("]]-->".utf8)
                    i += 3
                    inCDATA = false
                    run = 0
                    continue
                } else {
                    run += 1
                    // Past the limit: at the next space, or (no space for 64 kB) before an ASCII byte
                    // that cannot be inside a character reference or a UTF-8 sequence.
                    let safeByte = c < 0x80 && c != UInt8(ascii: "&") && c != UInt8(ascii: ";")
                    let breakHere = c == 0x20 || (run > longestRun + 65536 && safeByte && !isReferenceNear(b, i))
                    if run > longestRun && !inCDATA && breakHere {
                        out += Array("<wbr>".utf8)
                        run = 0
                    }
                }
                out.append(c)
                i += 1
            }
        }
        return out
    }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ word: [UInt8]) -> Bool {
        guard at + word.count <= b.count else { return false }
        for k in 0..<word.count where b[at + k] != word[k] { return false }
        return true
    }

    /// A `&` in the 32 bytes before `at` with no `;` after it: `at` may be inside `&amp;`.
    private static func isReferenceNear(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        var k = at - 1
        while k >= 0 && k >= at - 32 {
            if b[k] == UInt8(ascii: ";") { return false }
            if b[k] == UInt8(ascii: "&") { return true }
            k -= 1
        }
        return false
    }

    /// Whether some stretch between two `<` is longer than `longestRun` (found by `memchr`).
    static func hasLongRun(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > longestRun else { return false }
        return bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return false }
            var at = 0
            while at < raw.count {
                guard let hit = memchr(base + at, Int32(UInt8(ascii: "<")), raw.count - at) else {
                    return raw.count - at > longestRun
                }
                let next = base.distance(to: UnsafeRawPointer(hit))
                if next - at > longestRun { return true }
                at = next + 1
            }
            return false
        }
    }

    private static func contains(_ bytes: [UInt8], _ word: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            guard let first = word.first, b.count >= word.count, let base = b.baseAddress else { return false }
            var i = 0
            while i + word.count <= b.count {
                guard let hit = memchr(base + i, Int32(first), b.count - i) else { return false }
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if matches(b, i, word) { return true }
                i += 1
            }
            return false
        }
    }
}
