/// The one fold behind text matching in the reader: `/` in an article and the article list's filter.
/// Case (unless told to keep it), accents, compatibility forms, quotes, dashes and spaces go; see
/// `FoldRules` for each rule. A folder remembers what each scalar it has met folds to, so folding every
/// block of an article costs a table lookup per character: keep one for a whole batch of text.
public struct TextFold: Sendable {
    public let keepsCase: Bool
    private var memo: [UInt32: Piece] = [:]

    /// What one scalar folds to, in both forms the fold needs.
    private struct Piece: Sendable {
        var scalars: [Unicode.Scalar]
        var utf8: [UInt8]
        var isIdentity: Bool
        var isUnbreakable: Bool
    }

    public init(keepingCase: Bool = false) {
        keepsCase = keepingCase
    }

    /// The fold a query asks for, as in less and vim with smartcase: all lower case ignores case,
    /// a capital anywhere makes case count (accents are ignored either way).
    public init(for query: String) {
        self.init(keepingCase: TextFold.hasCapital(query))
    }

    public static func hasCapital(_ query: String) -> Bool {
        query.unicodeScalars.contains { u in
            u.isASCII ? (0x41...0x5A).contains(u.value) : u.properties.changesWhenLowercased
        }
    }

    public static func fold(_ text: String, keepingCase: Bool = false) -> FoldedText {
        var folder = TextFold(keepingCase: keepingCase)
        return folder.fold(text)
    }

    /// `text` folded, with the map back to its UTF-8 offsets. ASCII runs go byte by byte, lone scalars
    /// scalar by scalar, anything else a grapheme cluster at a time: a cluster is never split.
    public mutating func fold(_ text: String) -> FoldedText {
        var text = text
        text.makeContiguousUTF8()
        var out = FoldedTextBuilder(capacity: text.utf8.count)
        let table = keepsCase ? TextFold.asciiKeepingCase : TextFold.asciiFolded
        let utf8 = text.utf8
        utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                if bytes[i] < 0x80 {
                    // ASCII bytes are clusters of their own, but for the last one before a non-ASCII
                    // scalar: that may be a mark on it, so it goes the way of the scalars.
                    var j = i + 1
                    while j < n && bytes[j] < 0x80 { j += 1 }
                    let end = j < n ? j - 1 : j
                    if end > i {
                        out.appendASCII(bytes[i..<end], mappedBy: table)
                        i = end
                        continue
                    }
                }
                if let (scalar, length) = LoneScalar.at(i, in: bytes) {
                    appendScalar(scalar, original: i, length: length, bytes: bytes, to: &out)
                    i += length
                    continue
                }
                let cluster = text[utf8.index(utf8.startIndex, offsetBy: i)]
                let length = cluster.utf8.count
                appendCluster(cluster, original: i, length: length, bytes: bytes, to: &out)
                i += length
            }
        }
        return out.finish()
    }

    private mutating func appendCluster(
        _ cluster: Character, original: Int, length: Int,
        bytes: UnsafeBufferPointer<UInt8>, to out: inout FoldedTextBuilder
    ) {
        let scalars = cluster.unicodeScalars
        if scalars.count == 1, let only = scalars.first {
            appendScalar(only, original: original, length: length, bytes: bytes, to: &out)
            return
        }
        var folded = scalars.flatMap { self.piece($0).scalars }
        FoldRules.canonicalOrder(&folded)
        if folded.contains(where: { (0x1100...0x11FF).contains($0.value) }) {
            folded = FoldRules.composeHangul(folded)
        }
        var utf8: [UInt8] = []
        for s in folded { utf8.append(contentsOf: UTF8.encode(s)!) }
        let unbreakable = TextFold.isUnbreakable(folded)
        if utf8.elementsEqual(bytes[original..<(original + length)]) {
            out.appendSame(bytes[original..<(original + length)], unbreakable: unbreakable)
        } else {
            out.appendWhole(utf8, original: original, length: length, unbreakable: unbreakable)
        }
    }

    /// A cluster of one scalar.
    private mutating func appendScalar(
        _ u: Unicode.Scalar, original: Int, length: Int,
        bytes: UnsafeBufferPointer<UInt8>, to out: inout FoldedTextBuilder
    ) {
        if TextFold.foldsToItself(u) {
            out.appendSame(bytes[original..<(original + length)])
            return
        }
        let piece = self.piece(u)
        if piece.isIdentity {
            out.appendSame(bytes[original..<(original + length)])
        } else {
            out.appendWhole(piece.utf8, original: original, length: length, unbreakable: piece.isUnbreakable)
        }
    }

    private mutating func piece(_ u: Unicode.Scalar) -> Piece {
        if let known = memo[u.value] { return known }
        let scalars = FoldRules.searchFold(u, keepingCase: keepsCase)
        var utf8: [UInt8] = []
        for s in scalars { utf8.append(contentsOf: UTF8.encode(s)!) }
        let piece = Piece(
            scalars: scalars, utf8: utf8, isIdentity: scalars == [u],
            isUnbreakable: TextFold.isUnbreakable(scalars))
        memo[u.value] = piece
        return piece
    }

    /// Ideographs and Hangul syllables, the bulk of CJK text, fold to themselves: no table lookup.
    private static func foldsToItself(_ u: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(u.value) || FoldRules.isHangulSyllable(u)
    }

    /// Several scalars from one character, not all ASCII: kept whole (ß → ss may be matched in part).
    private static func isUnbreakable(_ scalars: [Unicode.Scalar]) -> Bool {
        scalars.count > 1 && !scalars.allSatisfy(\.isASCII)
    }

    /// ASCII folded: white space as a space, and upper case as lower unless case is kept.
    private static let asciiFolded: [UInt8] = (0..<128).map { (b: UInt8) -> UInt8 in
        if (0x09...0x0D).contains(b) { return 0x20 }
        return (0x41...0x5A).contains(b) ? b + 0x20 : b
    }
    private static let asciiKeepingCase: [UInt8] = (0..<128).map { (b: UInt8) -> UInt8 in
        (0x09...0x0D).contains(b) ? 0x20 : b
    }
}

/// Collects folded bytes and the offset map as a fold goes through its text in order.
struct FoldedTextBuilder {
    private var utf8: [UInt8] = []
    private var offsets = OffsetMap()
    private var unbreakable: [Range<Int32>] = []

    init(capacity: Int) { utf8.reserveCapacity(capacity) }

    /// ASCII bytes, each folded to one byte: the folded text keeps following the original.
    mutating func appendASCII(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, mappedBy table: [UInt8]) {
        // Copied whole, then mapped in place: no capacity check per byte (a fifth of indexing's fold).
        let start = utf8.count
        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes))
        table.withUnsafeBufferPointer { t in
            utf8.withUnsafeMutableBufferPointer { out in
                for k in start..<out.count { out[k] = t[Int(out[k])] }
            }
        }
    }

    /// A cluster that folds to itself.
    mutating func appendSame(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, unbreakable: Bool = false) {
        markUnbreakable(unbreakable, from: utf8.count, length: bytes.count)
        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes))
    }

    /// A cluster that folds to something else, found or highlighted only as a whole.
    mutating func appendWhole(_ bytes: [UInt8], original: Int, length: Int, unbreakable: Bool) {
        offsets.append(folded: utf8.count, original: original, foldedLength: bytes.count, originalLength: length)
        markUnbreakable(unbreakable, from: utf8.count, length: bytes.count)
        utf8.append(contentsOf: bytes)
    }

    private mutating func markUnbreakable(_ yes: Bool, from start: Int, length: Int) {
        if yes { unbreakable.append(Int32(start)..<Int32(start + length)) }
    }

    func finish() -> FoldedText {
        FoldedText(utf8: utf8, offsets: offsets, unbreakable: unbreakable)
    }
}
