/// Text as the full-text index sees it, made the same way for what is stored and for what is
/// asked: folded by `TextFold` (case, accents, quotes, dashes: the fold of `/` and the list
/// filter), and with every character of the scripts written without spaces (Chinese,
/// Japanese, Korean, Thai, Lao, Khmer, Myanmar) set apart as a word of its own. A run of those
/// in a query becomes a phrase of single characters, so "東京" finds 東京都 and one- and
/// two-character queries need no special case (docs/SEARCH.md says why not trigrams).
public struct IndexText: Sendable {
    private var fold: TextFold

    public init() {
        fold = TextFold(keepingCase: false)
    }

    /// `text` folded and spaced for the index's word tokenizer.
    public mutating func prepare(_ text: String) -> String {
        let folded = fold.fold(text).string
        return IndexText.spaceOut(folded)
    }

    /// Puts a space on both sides of each character of a script without spaces; marks (Thai
    /// vowels and tones, dakuten, Hangul medial and final jamo) stay on the character before
    /// them, as they do in a grapheme cluster. Scalar by scalar: most text has no such script,
    /// and every such scalar is U+0E00 or above (a UTF-8 lead byte of 0xE0 or more).
    static func spaceOut(_ folded: String) -> String {
        guard folded.utf8.contains(where: { $0 >= 0xE0 }),
            folded.unicodeScalars.contains(where: isUnspacedScript)
        else { return folded }
        var out = String.UnicodeScalarView()
        var spaceDue = false
        let space: Unicode.Scalar = " "
        for u in folded.unicodeScalars {
            if isAttached(u) {
                out.append(u)
                continue
            }
            let unspaced = isUnspacedScript(u)
            let isSpace = u.properties.isWhitespace
            if (unspaced || spaceDue) && !isSpace, let last = out.last, !last.properties.isWhitespace {
                out.append(space)
            }
            out.append(u)
            spaceDue = unspaced
        }
        return String(out)
    }

    /// A scalar that belongs to the character before it: a combining mark, or a Hangul vowel or
    /// final consonant jamo following its initial.
    static func isAttached(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x0300 { return false }
        if (0x1160...0x11FF).contains(u.value) || (0xD7B0...0xD7FF).contains(u.value) { return true }
        switch u.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return u.value == 0x200D
        }
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
