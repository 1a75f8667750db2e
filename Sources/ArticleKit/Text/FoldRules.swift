import Foundation

/// What each Unicode scalar folds to when text is matched: the rules behind `TextFold` (search and the
/// article list) and `TitleKey` (links). One scalar at a time, pure; the callers memoise and put
/// clusters together. docs/TEXT-FOLD.md gives the rules with the reasons for each decision.
public enum FoldRules {
    /// Unicode's White_Space set, without a property lookup per character.
    @inline(__always)
    public static func isSpace(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if (v > 0x20 && v < 0x85) || (v > 0xA0 && v < 0x1680) || (v > 0x3000) { return false }
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Curly, low and prime quotes as the straight ones, every dash as the hyphen-minus: how people type
    /// them, and what editors and "smart quotes" turn them into behind the writer's back.
    @inline(__always)
    public static func unifiedPunctuation(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        // Letters, for the most part: out of every range below, without a switch.
        let v = u.value
        if v < 0xB4 || (v > 0x2BC && v < 0x2010) || (v > 0x2212 && v < 0x2E3A) || (v > 0x2E3B && v < 0xFE58)
            || v > 0xFF0D
        {
            return nil
        }
        return unifiedPunctuationInRanges(v)
    }

    private static func unifiedPunctuationInRanges(_ v: UInt32) -> Unicode.Scalar? {
        switch v {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02B9, 0x02BB, 0x02BC, 0x00B4, 0xFF07: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0xFF02: return "\""
        case 0x2010...0x2015, 0x2212, 0x2E3A, 0x2E3B, 0xFE58, 0xFE63, 0xFF0D: return "-"
        default: return nil
        }
    }

    /// Invisible characters a searcher cannot type and would not see: the soft hyphen, zero width space,
    /// word joiner, byte order mark, the direction marks, and the Arabic tatweel (a stretch of the line
    /// between letters, not a letter). ZWJ and ZWNJ stay: they choose glyphs and join emoji.
    static func isIgnorable(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00AD, 0x200B, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x0640: return true
        default: return false
        }
    }

    /// Marks that are accents on a letter rather than part of it: Latin, Greek and Cyrillic diacritics
    /// (the combining blocks), Hebrew points and cantillation, Arabic harakat, hamza above and below, and
    /// Quranic annotation. Not dropped: kana voicing marks (が is not か), Indic vowel signs, viramas and
    /// nuktas, Thai and Lao vowels and tone marks: there the mark is a letter of the word.
    static func isDroppableMark(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: return true
        case 0x0591...0x05BD, 0x05BF, 0x05C1, 0x05C2, 0x05C4, 0x05C5, 0x05C7: return true
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8,
            0x06EA...0x06ED:
            return true
        default:
            return false
        }
    }

    /// Letters that are a base letter with a stroke, or two letters run together, which canonical
    /// decomposition leaves alone: "oeuvre" should find "œuvre", "Dong" "Đông", "Lodz" "Łódź".
    /// The dotless ı joins i here, as İ does once its dot is dropped: searching is locale-blind.
    static func letterVariant(_ u: Unicode.Scalar) -> String? {
        switch u.value {
        case 0x00DF: return "ss"
        case 0x1E9E: return "SS"
        case 0x0153: return "oe"
        case 0x0152: return "OE"
        case 0x00E6: return "ae"
        case 0x00C6: return "AE"
        case 0x00F8: return "o"
        case 0x00D8: return "O"
        case 0x0111: return "d"
        case 0x0110: return "D"
        case 0x0142: return "l"
        case 0x0141: return "L"
        case 0x0127: return "h"
        case 0x0126: return "H"
        case 0x0167: return "t"
        case 0x0166: return "T"
        case 0x0131: return "i"
        default: return nil
        }
    }

    /// Full Unicode case folding of one scalar (ß → ss, ς → σ, İ → i + U+0307, ﬁ → fi). Swift exposes the
    /// case mappings but not the folding table; lowercasing the uppercase mapping gives the folding for
    /// every scalar that folds at all, and `changesWhenCaseFolded` says which do (so ı stays ı, as in the
    /// table). Twice, for the one letter that needs it: ẞ → ß → ss.
    public static func caseFold(_ u: Unicode.Scalar) -> [Unicode.Scalar] {
        if u.isASCII { return [(0x41...0x5A).contains(u.value) ? Unicode.Scalar(UInt8(u.value + 0x20)) : u] }
        guard u.properties.changesWhenCaseFolded else { return [u] }
        var scalars = [u]
        for _ in 0..<2 {
            let next = scalars.flatMap { s in s.properties.uppercaseMapping.unicodeScalars }
                .flatMap { s in s.properties.lowercaseMapping.unicodeScalars }
            if next == scalars { break }
            scalars = next
        }
        return scalars
    }

    /// Whether a scalar that lowercasing leaves alone may still change under case folding (ß → ss,
    /// ς → σ, µ → μ, ﬁ → fi, Cherokee): so text lowercased the fast way needs `caseFold` only for these.
    /// The ranges hold every such scalar (a test checks all of Unicode); the property decides inside.
    @inline(__always)
    public static func mayFoldBeyondLowercase(_ u: Unicode.Scalar) -> Bool {
        // Most letters of a title (Latin, Cyrillic, Arabic, kana, ideographs, Hangul) are out of every
        // range: no call for them.
        let v = u.value
        if v < 0xB5 || (v > 0xDF && v < 0x149) || (v > 0x3F5 && v < 0x587) || (v > 0x587 && v < 0x13F8)
            || (v > 0x1FF7 && v < 0xAB70) || v > 0xFB17
        {
            return false
        }
        return foldsBeyondLowercaseInRanges(u)
    }

    private static func foldsBeyondLowercaseInRanges(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0xB5, 0xDF, 0x149, 0x17F, 0x345, 0x3C2, 0x3D0...0x3D1, 0x3D5...0x3D6, 0x3F0...0x3F1, 0x3F5, 0x587,
            0x13F8...0x13FD, 0x1C80...0x1C88, 0x1E9A...0x1E9B, 0x1F80...0x1FF7, 0xAB70...0xABBF, 0xFB00...0xFB17:
            return u.properties.changesWhenCaseFolded
        default:
            return false
        }
    }

    /// What one scalar becomes in text folded for searching: spaces as U+0020, punctuation unified,
    /// invisible characters gone, compatibility decomposition (fullwidth Ａ → A, ﬁ → fi, ｶ → カ) without
    /// the accents, then case folded unless `keepingCase`, and letter variants spelled out.
    /// Precomposed Hangul stays whole: its decomposition into jamo would let "하" match inside "한".
    static func searchFold(_ u: Unicode.Scalar, keepingCase: Bool) -> [Unicode.Scalar] {
        if isSpace(u) { return [" "] }
        if isIgnorable(u) { return [] }
        if let p = unifiedPunctuation(u) { return [p] }
        if isHangulSyllable(u) { return [u] }
        var stripped = decompose(u)
        if !keepingCase { stripped = stripped.flatMap(caseFold).flatMap(decompose) }
        return stripped.flatMap { s -> [Unicode.Scalar] in
            if isSpace(s) { return [" "] }
            if isIgnorable(s) { return [] }
            if let p = unifiedPunctuation(s) { return [p] }
            if let v = letterVariant(s) {
                return Array((keepingCase ? v : v.lowercased()).unicodeScalars)
            }
            return [s]
        }
    }

    /// Compatibility decomposition without the droppable marks.
    private static func decompose(_ u: Unicode.Scalar) -> [Unicode.Scalar] {
        if u.isASCII || isHangulSyllable(u) { return [u] }
        return String(Character(u)).decomposedStringWithCompatibilityMapping.unicodeScalars
            .filter { !isDroppableMark($0) }
    }

    static func isHangulSyllable(_ u: Unicode.Scalar) -> Bool { (0xAC00...0xD7A3).contains(u.value) }

    /// Marks of one cluster in canonical order (stable by combining class), so that the two orders a
    /// writer may type kept marks in (Thai ุ then ่, or ่ then ุ) fold alike.
    static func canonicalOrder(_ scalars: inout [Unicode.Scalar]) {
        var i = 0
        while i < scalars.count {
            guard scalars[i].properties.canonicalCombiningClass.rawValue != 0 else { i += 1; continue }
            var j = i
            while j < scalars.count && scalars[j].properties.canonicalCombiningClass.rawValue != 0 { j += 1 }
            if j - i > 1 {
                let run = scalars[i..<j].enumerated().sorted { a, b in
                    let ca = a.element.properties.canonicalCombiningClass.rawValue
                    let cb = b.element.properties.canonicalCombiningClass.rawValue
                    return ca != cb ? ca < cb : a.offset < b.offset
                }
                scalars.replaceSubrange(i..<j, with: run.map(\.element))
            }
            i = j
        }
    }

    /// Conjoining jamo put together into syllables (the Unicode algorithm), so that text typed jamo by
    /// jamo matches the precomposed syllables a Korean IME produces.
    static func composeHangul(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let sBase: UInt32 = 0xAC00, lBase: UInt32 = 0x1100, vBase: UInt32 = 0x1161, tBase: UInt32 = 0x11A7
        var out: [Unicode.Scalar] = []
        for s in scalars {
            if let last = out.last {
                let l = last.value, v = s.value
                if (lBase..<lBase + 19).contains(l), (vBase..<vBase + 21).contains(v),
                    let syllable = Unicode.Scalar(sBase + ((l - lBase) * 21 + (v - vBase)) * 28)
                {
                    out[out.count - 1] = syllable
                    continue
                }
                if isHangulSyllable(last), (l - sBase) % 28 == 0, (tBase + 1..<tBase + 28).contains(v),
                    let syllable = Unicode.Scalar(l + (v - tBase))
                {
                    out[out.count - 1] = syllable
                    continue
                }
            }
            out.append(s)
        }
        return out
    }
}
