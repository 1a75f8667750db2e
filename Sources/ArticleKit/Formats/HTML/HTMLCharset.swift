#if canImport(Glibc)
    import Glibc
#endif

/// Turns a page's bytes into UTF-8, whatever it was saved in: the byte-order mark first, then what the
/// page declares (`<meta charset>`, `http-equiv`, an XML declaration), checked against the bytes, since
/// pages are often mislabelled. Invalid bytes become U+FFFD; NUL bytes become spaces (libxml2 would stop
/// at them). The result is always valid UTF-8.
public enum HTMLCharset {
    public struct Decoded {
        public var utf8: [UInt8]
        /// The charset the bytes were read as (lower case, as iconv knows it).
        public var charset: String
        /// What was wrong: a mislabelled page, invalid bytes.
        public var warning: String?
    }

    public static func decode(_ bytes: [UInt8]) -> Decoded {
        // A byte-order mark is the strongest sign there is.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return fromUTF8(Array(bytes.dropFirst(3)), declared: "utf-8") }
        if bytes.starts(with: [0xFF, 0xFE]) { return convert(Array(bytes.dropFirst(2)), from: "utf-16le") }
        if bytes.starts(with: [0xFE, 0xFF]) { return convert(Array(bytes.dropFirst(2)), from: "utf-16be") }
        let declared = declaredCharset(bytes).map(canonical)
        switch declared {
        case nil, "utf-8":
            return fromUTF8(bytes, declared: declared)
        case let name?:
            // A page that says latin-1 but holds well-formed UTF-8 with multi-byte characters was saved
            // as UTF-8 (the usual mislabelling): its bytes are the better witness.
            if name != "utf-16le" && name != "utf-16be" && hasMultiByteUTF8(bytes) && isValidUTF8(bytes) {
                var d = fromUTF8(bytes, declared: "utf-8")
                d.warning = "declared \(name), but the bytes are UTF-8; read as UTF-8"
                return d
            }
            return convert(bytes, from: name)
        }
    }

    /// UTF-8 as declared (or undeclared). Mostly invalid bytes mean a legacy single-byte page.
    static func fromUTF8(_ bytes: [UInt8], declared: String?) -> Decoded {
        if isValidUTF8(bytes) { return Decoded(utf8: withoutNUL(bytes), charset: "utf-8", warning: nil) }
        let (valid, invalid) = countSequences(bytes)
        if invalid * 4 > valid || (declared == nil && invalid * 20 > valid) {
            var d = convert(bytes, from: "windows-1252")
            d.warning = declared == nil ? nil : "declared UTF-8, but the bytes are not; read as windows-1252"
            return d
        }
        let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
        return Decoded(
            utf8: withoutNUL(repaired), charset: "utf-8",
            warning: "text is not valid UTF-8; bad bytes are shown as \u{FFFD}")
    }

    /// The charset a page declares in its first 64 kB, as written (pages put long scripts before
    /// their `<meta>`).
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let n = min(bytes.count, 65536)
        let found: String? = bytes.withUnsafeBufferPointer { b in
            let key: [UInt8] = Array("harset".utf8)
            var i = 0
            while i + 8 < n {
                // Only where a "c" or "C" starts "charset" is the rest compared.
                guard b[i] | 0x20 == 0x63 else {
                    i += 1
                    continue
                }
                var k = 0
                while k < key.count && b[i + 1 + k] | 0x20 == key[k] { k += 1 }
                guard k == key.count else {
                    i += 1
                    continue
                }
                var j = i + 7
                while j < n, b[j] == 0x20 { j += 1 }
                if j < n, b[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < n, b[j] == 0x20 || b[j] == 0x22 || b[j] == 0x27 { j += 1 }
                    var name: [UInt8] = []
                    while j < n, name.count < 40 {
                        let c = b[j] >= 0x41 && b[j] <= 0x5A ? b[j] + 0x20 : b[j]
                        let ok =
                            (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F || c == 0x2E
                            || c == 0x3A
                        if !ok { break }
                        name.append(c)
                        j += 1
                    }
                    if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                }
                i += 1
            }
            return nil
        }
        if let found { return found }
        let head = bytes.prefix(512).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        // <?xml version="1.0" encoding="…"?>
        if head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) {
            let decl = String(decoding: head[..<end], as: UTF8.self)
            if let r = decl.range(of: "encoding=") {
                let rest = decl[r.upperBound...].drop { $0 == "\"" || $0 == "'" }
                let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                if !name.isEmpty { return String(name) }
            }
        }
        return nil
    }

    /// The name iconv should be given: the superset browsers use for a label (WHATWG's encoding table,
    /// in short: latin-1 is read as windows-1252, GB2312 as GB18030, Shift_JIS as CP932, EUC-KR as CP949).
    static func canonical(_ label: String) -> String {
        let l = label.lowercased()
        switch l {
        case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252",
            "x-cp1252", "iso_8859-1", "cp819", "ibm819":
            return "windows-1252"
        case "gb2312", "gbk", "gb18030", "x-gbk", "chinese", "csgb2312", "euc-cn": return "gb18030"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "cp932", "csshiftjis":
            return "cp932"
        case "euc-kr", "ks_c_5601-1987", "cp949", "windows-949", "korean", "ksc5601": return "cp949"
        case "big5", "big5-hkscs", "x-x-big5": return "big5-hkscs"
        case "euc-jp", "x-euc-jp": return "euc-jp"
        case "iso-2022-jp": return "iso-2022-jp"
        case "utf-16", "utf-16le": return "utf-16le"
        case "utf-16be": return "utf-16be"
        case "iso-8859-9", "latin5": return "windows-1254"
        case "tis-620", "iso-8859-11": return "windows-874"
        default: return l
        }
    }

    /// Converts with iconv; a byte iconv cannot read becomes U+FFFD and the rest goes on. An unknown
    /// charset is read as windows-1252 (every byte means something there), with a warning.
    static func convert(_ bytes: [UInt8], from charset: String) -> Decoded {
        let cd = iconv_open("UTF-8", charset)
        if cd == iconv_t(bitPattern: -1) {
            if charset == "windows-1252" {
                return Decoded(utf8: withoutNUL(latin1(bytes)), charset: "iso-8859-1", warning: nil)
            }
            var d = convert(bytes, from: "windows-1252")
            d.warning = "unknown charset \"\(charset)\"; read as windows-1252"
            return d
        }
        defer { iconv_close(cd) }
        var out = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var bad = 0
        var produced = 0
        var input = bytes
        input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count - 8
                while inLeft > 0 {
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    if r != -1 { break }
                    if errno == E2BIG { break }
                    // EILSEQ or EINVAL: skip one byte, write U+FFFD.
                    bad += 1
                    inPtr = inPtr.map { $0 + 1 }
                    inLeft -= 1
                    if outLeft >= 3 {
                        outPtr![0] = CChar(bitPattern: 0xEF)
                        outPtr![1] = CChar(bitPattern: 0xBF)
                        outPtr![2] = CChar(bitPattern: 0xBD)
                        outPtr = outPtr! + 3
                        outLeft -= 3
                    }
                }
                produced = outBuf.count - 8 - outLeft
            }
        }
        out.removeLast(out.count - produced)
        return Decoded(
            utf8: withoutNUL(out), charset: charset,
            warning: bad > 0 ? "\(bad) byte(s) are not valid \(charset); shown as \u{FFFD}" : nil)
    }

    static func latin1(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
            } else {
                out.append(0xC0 | (b >> 6))
                out.append(0x80 | (b & 0x3F))
            }
        }
        return out
    }

    static func withoutNUL(_ bytes: [UInt8]) -> [UInt8] {
        let hasNUL = bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }
        guard hasNUL else { return bytes }
        var out = bytes
        out.withUnsafeMutableBufferPointer { b in
            for i in b.indices where b[i] == 0 { b[i] = 0x20 }
        }
        return out
    }

    /// The standard library's validation (vectorised, and as fast in a debug build).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    static func hasMultiByteUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            let raw = UnsafeRawBufferPointer(b)
            var i = 0
            while i + 8 <= b.count {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return true }
                i += 8
            }
            while i < b.count {
                if b[i] >= 0x80 { return true }
                i += 1
            }
            return false
        }
    }

    /// Well-formed multi-byte sequences and invalid bytes.
    static func countSequences(_ bytes: [UInt8]) -> (valid: Int, invalid: Int) {
        var valid = 0, invalid = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let len: Int
            if b >= 0xC2 && b <= 0xDF {
                len = 2
            } else if b >= 0xE0 && b <= 0xEF {
                len = 3
            } else if b >= 0xF0 && b <= 0xF4 {
                len = 4
            } else {
                len = 0
            }
            guard len > 0, i + len <= n else { invalid += 1; i += 1; continue }
            var ok = true
            for k in 1..<len where bytes[i + k] & 0xC0 != 0x80 { ok = false }
            if ok && len == 3 {
                let b1 = bytes[i + 1]
                if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F) { ok = false }
            }
            if ok && len == 4 {
                let b1 = bytes[i + 1]
                if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 > 0x8F) { ok = false }
            }
            if ok { valid += 1; i += len } else { invalid += 1; i += 1 }
        }
        return (valid, invalid)
    }
}
