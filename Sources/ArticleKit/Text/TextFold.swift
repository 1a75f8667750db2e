/// The one fold behind text matching in the reader: `/` in an article and the article list's filter.
/// Case (unless told to keep it), accents, compatibility forms, quotes, dashes and spaces go; see
/// `FoldRules` for each rule. A folder remembers what each scalar it has met folds to, so folding every
/// block of an article costs a table lookup per character: keep one for a whole batch of text.
public struct TextFold: Sendable {
    public let keepsCase: Bool
    private var memo = Memo()

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
        var out = FoldedTextBuilder(capacity: text.utf8.count)
        fold(text, into: &out)
        return out.finish()
    }

    /// `text` folded, the bytes only, appended to `bytes`: what the search index stores, which never
    /// maps a match back (no offset map, no unbreakable ranges kept). The same fold as `fold(_:)`.
    public mutating func foldedUTF8(_ text: String, appendingTo bytes: inout [UInt8]) {
        var out = FoldedBytes(utf8: bytes)
        bytes = []  // `out` holds the only reference: appending does not copy
        fold(text, into: &out)
        bytes = out.utf8
    }

    /// The fold itself, for either kind of output.
    private mutating func fold<Out: FoldOutput>(_ text: String, into out: inout Out) {
        var text = text
        text.makeContiguousUTF8()
        let keepingCase = keepsCase
        let utf8 = text.utf8
        utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                if bytes[i] >= 0xE4 {
                    // Ideographs each followed by another: clusters of their own that fold to themselves
                    // (what `LoneScalar.at` and `foldsToItself` would say of each), copied as one run.
                    let end = TextFold.ideographRunEnd(bytes, from: i)
                    if end > i {
                        out.appendSame(bytes[i..<end])
                        i = end
                        continue
                    }
                }
                if bytes[i] < 0x80 {
                    // ASCII bytes are clusters of their own, but for the last one before a non-ASCII
                    // scalar: that may be a mark on it, so it goes the way of the scalars.
                    let j = TextFold.asciiRunEnd(bytes, from: i + 1)
                    let end = j < n ? j - 1 : j
                    if end > i {
                        out.appendASCII(bytes[i..<end], keepingCase: keepingCase)
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
    }

    private mutating func appendCluster<Out: FoldOutput>(
        _ cluster: Character, original: Int, length: Int,
        bytes: UnsafeBufferPointer<UInt8>, to out: inout Out
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
    private mutating func appendScalar<Out: FoldOutput>(
        _ u: Unicode.Scalar, original: Int, length: Int,
        bytes: UnsafeBufferPointer<UInt8>, to out: inout Out
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
        if let known = memo.piece(u.value) { return known }
        let scalars = FoldRules.searchFold(u, keepingCase: keepsCase)
        var utf8: [UInt8] = []
        for s in scalars { utf8.append(contentsOf: UTF8.encode(s)!) }
        let piece = Piece(
            scalars: scalars, utf8: utf8, isIdentity: scalars == [u],
            isUnbreakable: TextFold.isUnbreakable(scalars))
        memo.keep(piece, for: u.value)
        return piece
    }

    /// What each scalar met folds to. The Basic Multilingual Plane in pages of 256 scalars made as they
    /// are first needed (kana, accented Latin, Cyrillic: a page or two each), looked up by index, not
    /// hashed (hashing was a fifth of folding Japanese); the rest in a dictionary.
    private struct Memo: Sendable {
        private var pages: [[Piece?]] = []
        private var astral: [UInt32: Piece] = [:]

        func piece(_ v: UInt32) -> Piece? {
            guard v < 0x1_0000 else { return astral[v] }
            let page = Int(v >> 8)
            return page < pages.count && !pages[page].isEmpty ? pages[page][Int(v & 0xFF)] : nil
        }

        mutating func keep(_ piece: Piece, for v: UInt32) {
            guard v < 0x1_0000 else {
                astral[v] = piece
                return
            }
            let page = Int(v >> 8)
            if page >= pages.count { pages += Array(repeating: [], count: page + 1 - pages.count) }
            if pages[page].isEmpty { pages[page] = Array(repeating: nil, count: 256) }
            pages[page][Int(v & 0xFF)] = piece
        }
    }

    /// Where a run of CJK unified ideographs starting at `i` ends, its last one left out (a mark may
    /// follow it): `i` when there is no such run. The bytes are valid UTF-8.
    @inline(__always)
    static func ideographRunEnd(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        @inline(__always) func isIdeograph(_ k: Int) -> Bool {
            let lead = b[k]
            guard lead >= 0xE4 && lead <= 0xE9 else { return false }
            let v = UInt32(lead & 0x0F) << 12 | UInt32(b[k + 1] & 0x3F) << 6 | UInt32(b[k + 2] & 0x3F)
            return v >= 0x4E00 && v <= 0x9FFF
        }
        var j = i
        while j + 6 <= b.count && isIdeograph(j) && isIdeograph(j + 3) { j += 3 }
        return j
    }

    /// Ideographs and Hangul syllables, the bulk of CJK text, fold to themselves: no table lookup.
    private static func foldsToItself(_ u: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(u.value) || FoldRules.isHangulSyllable(u)
    }

    /// Several scalars from one character, not all ASCII: kept whole (ß → ss may be matched in part).
    private static func isUnbreakable(_ scalars: [Unicode.Scalar]) -> Bool {
        scalars.count > 1 && !scalars.allSatisfy(\.isASCII)
    }

    /// Where the run of ASCII bytes from `i` ends: the first byte of 0x80 or more (or the end).
    /// Eight bytes a step: this runs on every byte of Latin text the index folds.
    @inline(__always)
    static func asciiRunEnd(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var j = i
        while j + 8 <= b.count {
            let high = UnsafeRawPointer(b.baseAddress! + j).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080
            if high != 0 { return j + high.trailingZeroBitCount / 8 }
            j += 8
        }
        while j < b.count && b[j] < 0x80 { j += 1 }
        return j
    }

    /// ASCII bytes folded in place, as `asciiFolded` (or `asciiKeepingCase`) maps each: eight bytes
    /// a step (the table's load and store per byte were half of folding Latin text), the table
    /// for the last few.
    static func foldASCII(_ bytes: UnsafeMutableBufferPointer<UInt8>, keepingCase: Bool) {
        var k = 0
        while k + 8 <= bytes.count {
            let at = UnsafeMutableRawPointer(bytes.baseAddress! + k)
            at.storeBytes(
                of: foldASCII8(at.loadUnaligned(as: UInt64.self), keepingCase: keepingCase), as: UInt64.self)
            k += 8
        }
        let table = keepingCase ? asciiKeepingCase : asciiFolded
        while k < bytes.count {
            bytes[k] = table[Int(bytes[k])]
            k += 1
        }
    }

    /// Eight ASCII bytes (each below 0x80) folded as the tables say. For a byte x below 0x80,
    /// `x + (0x80 - lo)` reaches the high bit when x >= lo and `x + (0x7F - hi)` when x > hi,
    /// neither carrying into the next byte: the high bits mark each range. A capital gets 0x20
    /// added (0x80 >> 2), which cannot carry either; white space 0x09-0x0D becomes 0x20.
    @inline(__always)
    static func foldASCII8(_ w: UInt64, keepingCase: Bool) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func within(_ lo: UInt64, _ hi: UInt64) -> UInt64 {
            (w &+ (0x80 - lo) &* ones) & ~(w &+ (0x7F - hi) &* ones) & (0x80 &* ones)
        }
        let space = within(0x09, 0x0D)
        // The high bit spread over its byte: 0x80 becomes 0xFF.
        let spaceBytes = (space &>> 7) &* 0xFF
        var folded = (w & ~spaceBytes) | (0x20 &* ones & spaceBytes)
        if !keepingCase { folded &+= within(0x41, 0x5A) &>> 2 }
        return folded
    }

    /// ASCII folded: white space as a space, and upper case as lower unless case is kept.
    static let asciiFolded: [UInt8] = (0..<128).map { (b: UInt8) -> UInt8 in
        if (0x09...0x0D).contains(b) { return 0x20 }
        return (0x41...0x5A).contains(b) ? b + 0x20 : b
    }
    static let asciiKeepingCase: [UInt8] = (0..<128).map { (b: UInt8) -> UInt8 in
        (0x09...0x0D).contains(b) ? 0x20 : b
    }
}

/// Where `TextFold` writes, in order: the folded bytes, and what a kind of output keeps besides.
protocol FoldOutput {
    /// ASCII bytes, each folded to one byte (`TextFold.foldASCII`).
    mutating func appendASCII(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, keepingCase: Bool)
    /// A cluster that folds to itself.
    mutating func appendSame(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, unbreakable: Bool)
    /// A cluster that folds to something else.
    mutating func appendWhole(_ bytes: [UInt8], original: Int, length: Int, unbreakable: Bool)
}

extension FoldOutput {
    mutating func appendSame(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) { appendSame(bytes, unbreakable: false) }
}

/// The folded bytes alone (the search index's text).
struct FoldedBytes: FoldOutput {
    var utf8: [UInt8]

    mutating func appendASCII(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, keepingCase: Bool) {
        FoldedTextBuilder.appendASCII(bytes, keepingCase: keepingCase, to: &utf8)
    }

    mutating func appendSame(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, unbreakable: Bool) {
        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes))
    }

    mutating func appendWhole(_ bytes: [UInt8], original: Int, length: Int, unbreakable: Bool) {
        utf8.append(contentsOf: bytes)
    }
}

/// Collects folded bytes and the offset map as a fold goes through its text in order.
struct FoldedTextBuilder: FoldOutput {
    private var utf8: [UInt8] = []
    private var offsets = OffsetMap()
    private var unbreakable: [Range<Int32>] = []

    init(capacity: Int) { utf8.reserveCapacity(capacity) }

    /// ASCII bytes, each folded to one byte: the folded text keeps following the original.
    mutating func appendASCII(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, keepingCase: Bool) {
        FoldedTextBuilder.appendASCII(bytes, keepingCase: keepingCase, to: &utf8)
    }

    static func appendASCII(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, keepingCase: Bool, to utf8: inout [UInt8]) {
        // Copied whole, then mapped in place: no capacity check per byte (a fifth of indexing's fold).
        let start = utf8.count
        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes))
        utf8.withUnsafeMutableBufferPointer { out in
            TextFold.foldASCII(UnsafeMutableBufferPointer(rebasing: out[start...]), keepingCase: keepingCase)
        }
    }

    /// A cluster that folds to itself.
    mutating func appendSame(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, unbreakable: Bool) {
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
