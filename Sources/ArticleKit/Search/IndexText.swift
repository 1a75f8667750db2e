/// Text as the full-text index sees it, made the same way for what is stored and for what is
/// asked: folded by `TextFold` (case, accents, quotes, dashes: the fold of `/` and the list
/// filter), and with every character of the scripts written without spaces (Chinese,
/// Japanese, Korean, Thai, Lao, Khmer, Myanmar) set apart as a word of its own. A run of those
/// in a query becomes a phrase of single characters, so "東京" finds 東京都 and one- and
/// two-character queries need no special case (docs/SEARCH.md says why not trigrams).
public struct IndexText: Sendable {
    private var fold: TextFold
    /// The folded bytes of the text being prepared, kept between calls: no buffer made per paragraph.
    private var folded: [UInt8] = []

    public init() {
        fold = TextFold(keepingCase: false)
    }

    /// `text` as the index stores and asks it: folded, then only its words, one space between
    /// each, with every character of a script without spaces a word of its own. The tokenizer
    /// then only splits at spaces (FTS5 `ascii`), so what a word is is decided here alone
    /// (`isWordScalar`), and FTS5 splits the text for less than `unicode61` did.
    public mutating func prepare(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Each paragraph prepared, joined by "\n": `paragraphs.map(prepare).joined(separator: "\n")`,
    /// made in one buffer (a section's body is the index's bulk; a String a paragraph was a third of
    /// preparing it).
    public mutating func prepare(paragraphs: [String]) -> String {
        var out: [UInt8] = []
        for (k, paragraph) in paragraphs.enumerated() {
            if k > 0 { out.append(0x0A) }
            append(paragraph, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` prepared, appended to `out`.
    private mutating func append(_ text: String, to out: inout [UInt8]) {
        // The folded bytes go straight to `words`: no String of them made and checked in between.
        folded.removeAll(keepingCapacity: true)
        fold.foldedUTF8(text, appendingTo: &folded)
        folded.withUnsafeBufferPointer { IndexText.appendWords(ofFoldedUTF8: $0, to: &out) }
    }

    /// The words of folded text, one ASCII space apart, none at either end. A character of a
    /// script without spaces stands alone; its marks (Thai vowels and tones, dakuten, Hangul
    /// medial and final jamo) stay on it, as in a grapheme cluster. On the UTF-8 bytes in one
    /// pass: a run of ASCII letters and digits is copied whole, every such script is U+0E00 or
    /// above (a lead byte of 0xE0 or more), and the Basic Multilingual Plane's word scalars come
    /// from a table. The rule written plainly is in the tests, against which this is checked.
    static func words(ofFolded folded: String) -> String {
        var copy = folded
        return copy.withUTF8 { words(ofFoldedUTF8: $0) }
    }

    /// `words(ofFolded:)` on the folded text's UTF-8 bytes (valid UTF-8, as `TextFold` makes it).
    static func words(ofFoldedUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        appendWords(ofFoldedUTF8: bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether an ASCII byte is a word byte (a letter or digit, as `WordTable` says), from a 128-bit
    /// mask: the test for every ASCII byte of the text, without a table's bounds check.
    @inline(__always)
    static func isASCIIWordByte(_ b: UInt8) -> Bool {
        let digits: UInt64 = 0x03FF_0000_0000_0000  // 0-9 (0x30-0x39)
        let letters: UInt64 = 0x07FF_FFFE_07FF_FFFE  // A-Z (0x41-0x5A), a-z (0x61-0x7A)
        return b < 64 ? (digits >> UInt64(b)) & 1 != 0 : (letters >> UInt64(b & 63)) & 1 != 0
    }

    /// Where the run of ASCII word bytes from `i` ends: the first byte that is not one (or `n`).
    /// Eight bytes a step, each tested for a digit or letter on all eight at once: the plain loop
    /// (kept as the tail's) mispredicted the end of nearly every word.
    @inline(__always)
    static func asciiWordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var j = i
        while j + 8 <= bytes.count {
            let w = UnsafeRawPointer(bytes.baseAddress! + j).loadUnaligned(as: UInt64.self)
            let notWord = ~wordBytes(w) & 0x8080_8080_8080_8080
            if notWord != 0 { return j + notWord.trailingZeroBitCount / 8 }
            j += 8
        }
        while j < bytes.count && bytes[j] < 0x80 && isASCIIWordByte(bytes[j]) { j += 1 }
        return j
    }

    /// The high bit of each byte of `w` (in memory order, little-endian) set where that byte is an
    /// ASCII digit or letter (`isASCIIWordByte`), clear elsewhere and on every byte of 0x80 or more.
    /// On the low seven bits of each byte, where adding a constant below 0x80 never carries into
    /// the next byte: `x + (0x80 - lo)` reaches the high bit when x >= lo, `x + (0x7F - hi)` when x > hi.
    @inline(__always)
    static func wordBytes(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = w & (0x7F &* ones)
        @inline(__always) func within(_ lo: UInt64, _ hi: UInt64) -> UInt64 {
            (low &+ (0x80 - lo) &* ones) & ~(low &+ (0x7F - hi) &* ones)
        }
        let word = within(0x30, 0x39) | within(0x41, 0x5A) | within(0x61, 0x7A)
        return word & ~w & (0x80 &* ones)
    }

    /// `words(ofFoldedUTF8:)`, appended to `out`.
    static func appendWords(ofFoldedUTF8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let n = bytes.count
        guard n > 0 else { return }
        let table = WordTable.shared
        let base = out.count
        // At most 1.5 n: a space before a 3-byte character that stands alone and one after it.
        out.append(contentsOf: repeatElement(0, count: 2 * n))
        let written = out.withUnsafeMutableBufferPointer { whole -> Int in
            let out = UnsafeMutableBufferPointer(rebasing: whole[base...])
            var count = 0
            @inline(__always) func copy(_ from: Int, _ to: Int) {
                // Eight bytes a step while eight can be read and written: a word's length decides
                // no branch but how far `count` moves (bytes past it are overwritten or cut).
                if to + 8 <= n && count + (to - from) + 8 <= out.count {
                    var k = from
                    var at = count
                    while k < to {
                        let chunk = UnsafeRawPointer(bytes.baseAddress! + k).loadUnaligned(as: UInt64.self)
                        UnsafeMutableRawPointer(out.baseAddress! + at).storeBytes(of: chunk, as: UInt64.self)
                        k += 8
                        at += 8
                    }
                    count += to - from
                    return
                }
                // A character or a short word byte by byte: a call to memcpy costs more.
                if to - from <= 8 {
                    for k in from..<to {
                        out[count] = bytes[k]
                        count += 1
                    }
                    return
                }
                UnsafeMutableRawPointer(out.baseAddress! + count).copyMemory(
                    from: bytes.baseAddress! + from, byteCount: to - from)
                count += to - from
            }
            var gap = false  // a separator since the last word
            var spaceDue = false  // the last character stands alone (a script without spaces)
            var i = 0
            while i < n {
                let lead = bytes[i]
                if lead < 0x80 {
                    guard isASCIIWordByte(lead) else {
                        gap = true
                        spaceDue = false
                        i += 1
                        continue
                    }
                    if count > 0 && (gap || spaceDue) {
                        out[count] = 0x20
                        count += 1
                    }
                    let j = asciiWordEnd(bytes, from: i + 1)
                    copy(i, j)
                    gap = false
                    spaceDue = false
                    i = j
                    continue
                }
                if lead >= 0xE4 && lead <= 0xE9 {
                    // A run of ideographs: each is unspaced, never attached, and a word when the table
                    // says so (what the general path below would decide for each), so each goes in
                    // with a space before it.
                    var k = i
                    while k + 3 <= n && bytes[k] >= 0xE4 && bytes[k] <= 0xE9 {
                        let v =
                            UInt32(bytes[k] & 0x0F) << 12 | UInt32(bytes[k + 1] & 0x3F) << 6
                            | UInt32(bytes[k + 2] & 0x3F)
                        guard v >= 0x4E00 else { break }
                        if table.contains(v) {
                            if count > 0 {
                                out[count] = 0x20
                                count += 1
                            }
                            out[count] = bytes[k]
                            out[count + 1] = bytes[k + 1]
                            out[count + 2] = bytes[k + 2]
                            count += 3
                            gap = false
                        } else {
                            gap = true
                        }
                        spaceDue = true
                        k += 3
                    }
                    if k > i {
                        i = k
                        continue
                    }
                }
                let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let u = scalar(bytes, at: i)
                // An ideograph (most of Chinese and Japanese) is unspaced and never attached: said
                // without asking the two lists.
                let ideograph = u.value >= 0x4E00 && u.value <= 0x9FFF
                let unspaced = ideograph || (lead >= 0xE0 && isUnspacedScript(u))
                let attached = !ideograph && (spaceDue || unspaced) && isAttached(u)
                let word = u.value < 0x1_0000 ? table.contains(u.value) : isWordScalar(u)
                if word {
                    if count > 0 && (gap || (!attached && (unspaced || spaceDue))) {
                        out[count] = 0x20
                        count += 1
                    }
                    copy(i, min(n, i + length))
                    gap = false
                } else {
                    gap = true
                }
                if !attached { spaceDue = unspaced }
                i += length
            }
            return count
        }
        out.removeLast(2 * n - written)
    }

    /// The scalar whose UTF-8 starts at `i` (the text is valid UTF-8).
    @inline(__always)
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar {
        UTF8Scalar.decode(b, at: i)?.scalar ?? "\u{FFFD}"
    }

    /// A scalar that belongs to the character before it: a combining mark, or a Hangul vowel or
    /// final consonant jamo following its initial. The marks of the scripts without spaces are
    /// listed (the common case); any other mark is asked of the Unicode tables.
    static func isAttached(_ u: Unicode.Scalar) -> Bool {
        // Ideographs and Hangul syllables, the bulk of the unspaced text asked about, first: the
        // switch below tries its ranges in order.
        if (0x3400...0x9FFF).contains(u.value) || (0xAC00...0xD7AF).contains(u.value) { return false }
        switch u.value {
        case 0..<0x0300: return false
        case 0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E,  // Thai
            0x0EB1, 0x0EB4...0x0EBC, 0x0EC8...0x0ECE,  // Lao
            0x102B...0x103E, 0x1056...0x1059, 0x105E...0x1060, 0x1062...0x1064, 0x1067...0x106D,
            0x1071...0x1074, 0x1082...0x108D, 0x108F, 0x109A...0x109D,  // Myanmar
            0x1160...0x11FF, 0xD7B0...0xD7FF,  // Hangul medial and final jamo
            0x17B4...0x17D3, 0x17DD,  // Khmer
            0x3099, 0x309A, 0x200D:  // dakuten, handakuten, ZWJ
            return true
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1100...0x115F, 0x1780...0x17FF, 0x3040...0x30FF, 0x3400...0x9FFF,
            0xAC00...0xD7AF:
            return false
        default:
            switch u.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }

    /// `isWordScalar` for every scalar of the Basic Multilingual Plane, one bit each (8 KiB),
    /// made on first use: the index asks it for every character it stores.
    struct WordTable: Sendable {
        static let shared = WordTable()
        private let bits: [UInt64]

        private init() {
            var bits = [UInt64](repeating: 0, count: 0x1_0000 / 64)
            for v in 0..<UInt32(0x1_0000) {
                if let u = Unicode.Scalar(v), IndexText.isWordScalar(u) { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
            }
            self.bits = bits
        }

        @inline(__always)
        func contains(_ v: UInt32) -> Bool { bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
    }

    /// A scalar of a word: a letter, digit, private-use character or mark (so that Thai,
    /// Devanagari and dakuten stay inside their words). Everything else separates words. The one
    /// definition of a word for the index, its queries and snippets.
    public static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII {
            let v = u.value
            return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
        }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber, .privateUse, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// The words of `text` as the index sees them once prepared (folded and spaced), in order.
    public mutating func words(_ text: String) -> [String] {
        // Split on the bytes: as Characters, a space and a mark after it would be one.
        prepare(text).utf8.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Scripts whose words are not separated by spaces (or, for Korean, carry particles
    /// attached to the word: 서울에서 holds 서울).
    static func isUnspacedScript(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x0E00...0x0EFF,  // Thai, Lao
            0x1000...0x109F,  // Myanmar
            0x1100...0x11FF,  // Hangul jamo
            0x1780...0x17FF,  // Khmer
            0x3040...0x30FF,  // Hiragana, Katakana
            0x3130...0x318F,  // Hangul compatibility jamo
            0x31F0...0x31FF,  // Katakana extensions
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xA960...0xA97F,  // Hangul jamo extended A
            0xAC00...0xD7AF,  // Hangul syllables
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0x20000...0x3FFFF:  // CJK extensions B onwards
            return true
        default:
            return false
        }
    }
}
