import Foundation

/// The form under which titles are compared: Unicode NFC, case-folded, runs of
/// whitespace collapsed to one space, curly and straight quotes unified, dash
/// variants unified, surrounding spaces ignored. Two titles name the same article
/// when their keys are equal.
///
/// Case, quotes, dashes and spaces follow the shared `FoldRules`; unlike the search fold
/// (`TextFold`), accents and compatibility forms still count: a link names one article,
/// and "Resume" and "Résumé" may well be two.
public struct TitleKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The key in NFC, compared and hashed byte by byte (Swift's own String hashing
    /// normalises non-ASCII text on every call, which dominated indexing).
    public let value: String

    public static func == (a: TitleKey, b: TitleKey) -> Bool { a.value.utf8.elementsEqual(b.value.utf8) }
    public func hash(into hasher: inout Hasher) {
        var copy = value
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public init(_ title: String) {
        if let ascii = TitleKey.asciiKey(title) { value = ascii; return }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var recompose = false
        // Lowercasing the whole title is fast; the few scalars full case folding takes further follow.
        for scalar in TitleKey.nfc(title.lowercased()).unicodeScalars {
            if FoldRules.isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            if let unified = FoldRules.unifiedPunctuation(scalar) {
                out.append(unified)
            } else if FoldRules.mayFoldBeyondLowercase(scalar) {
                let folded = FoldRules.caseFold(scalar)
                recompose = recompose || folded.count > 1
                out.append(contentsOf: folded)
            } else {
                out.append(scalar)
            }
        }
        // Folding can leave a letter and its mark apart (ᾷ → α + U+0342 + ι): put them back together.
        value = recompose ? TitleKey.nfc(String(out)) : String(out)
    }

    /// Most titles in most folders are ASCII: lowercase and collapse spaces byte by byte.
    private static func asciiKey(_ title: String) -> String? {
        let utf8 = title.utf8
        return utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for b in bytes {
                if b >= 0x80 { return nil }
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            }
            return String(decoding: out, as: UTF8.self)
        } ?? nil
    }

    /// NFC, paying for Foundation's normaliser only when a character could change:
    /// combining marks, Hangul jamo and the few singletons NFC replaces.
    static func nfc(_ s: String) -> String {
        let mayChange = s.unicodeScalars.contains { u in
            let v = u.value
            if v < 0x300 { return false }
            // Kana and ideographs (the bulk of CJK titles) have no combining class; skip the lookup.
            if (0x3100...0xF8FF).contains(v) || (0x30A0...0x30FF).contains(v) || (0x3040...0x3098).contains(v) {
                return false
            }
            return u.properties.canonicalCombiningClass.rawValue != 0 || (0x1100...0x11FF).contains(v)
                || v == 0x2126 || v == 0x212A || v == 0x212B || (0xF900...0xFAFF).contains(v)
                || (0x2F800...0x2FA1F).contains(v)
                || (0x0340...0x0344).contains(v) || v == 0x0374 || v == 0x037E || v == 0x0387
        }
        return mayChange ? s.precomposedStringWithCanonicalMapping : s
    }

    public var isEmpty: Bool { value.isEmpty }
    public var description: String { value }
    public static func < (a: TitleKey, b: TitleKey) -> Bool { a.value < b.value }
}
