/// Text folded by `TextFold`, as UTF-8, with the way back to the text it came from: a match found in
/// the folded bytes is reported as a range of the original's UTF-8 offsets.
public struct FoldedText: Sendable, Equatable {
    public let utf8: [UInt8]
    let offsets: OffsetMap
    /// Folded ranges made from one cluster kept whole but several scalars long (が → か + U+3099, कि):
    /// a match may not begin or end inside one, or "か" would find half of "が".
    let unbreakable: [Range<Int32>]

    init(utf8: [UInt8], offsets: OffsetMap, unbreakable: [Range<Int32>]) {
        self.utf8 = utf8
        self.offsets = offsets
        self.unbreakable = unbreakable
    }

    public var isEmpty: Bool { utf8.isEmpty }
    public var string: String { String(decoding: utf8, as: UTF8.self) }

    /// The original UTF-8 range a folded range stands for: pieces folded as a whole (é → e, ß → ss) are
    /// taken whole, so the range never ends inside an original character.
    public func originalRange(_ folded: Range<Int>) -> Range<Int> {
        let lower = offsets.originalStart(folded.lowerBound)
        return lower..<max(lower, folded.isEmpty ? lower : offsets.originalEnd(folded.upperBound))
    }

    /// Whether a match may begin or end at `offset`.
    public func isBoundary(_ offset: Int) -> Bool {
        guard !unbreakable.isEmpty else { return true }
        var lo = 0, hi = unbreakable.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if unbreakable[mid].upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo == unbreakable.count || !(Int(unbreakable[lo].lowerBound) < offset)
    }

    /// Every match of `needle`, left to right and not overlapping, as original UTF-8 ranges. Two matches
    /// inside one original character ("s" twice in "ß") count once.
    public func matches(of needle: FoldedText) -> [Range<Int>] {
        var found: [Range<Int>] = []
        forEachMatch(of: needle) { range in
            let original = originalRange(range)
            if let last = found.last, original.lowerBound < last.upperBound { return true }
            found.append(original)
            return true
        }
        return found
    }

    public func contains(_ needle: FoldedText) -> Bool {
        if needle.isEmpty { return true }
        var any = false
        forEachMatch(of: needle) { _ in
            any = true; return false
        }
        return any
    }

    /// Calls `body` with each folded range equal to `needle` that begins and ends on a boundary, until it
    /// returns false. A plain byte scan: valid UTF-8 only matches at scalar starts.
    private func forEachMatch(of needle: FoldedText, _ body: (Range<Int>) -> Bool) {
        let m = needle.utf8.count
        guard m > 0, m <= utf8.count else { return }
        utf8.withUnsafeBufferPointer { hay in
            needle.utf8.withUnsafeBufferPointer { pin in
                let first = pin[0], last = hay.count - m
                var i = 0
                while i <= last {
                    if hay[i] == first && FoldedText.equal(hay, at: i, pin) && isBoundary(i) && isBoundary(i + m) {
                        guard body(i..<(i + m)) else { return }
                        i += m
                    } else {
                        i += 1
                    }
                }
            }
        }
    }
}

extension FoldedText {
    /// Whether `pin` is at `i` in `hay`, its first byte known to be.
    fileprivate static func equal(
        _ hay: UnsafeBufferPointer<UInt8>, at i: Int,
        _ pin: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        var k = 1
        while k < pin.count {
            if hay[i + k] != pin[k] { return false }
            k += 1
        }
        return true
    }
}

/// Folded offsets back to original ones. Mostly the folded text follows the original byte for byte
/// (ASCII, and any character that folds to itself), so only the pieces folded as a whole are stored
/// (é → e, ß → ss, a dropped soft hyphen → nothing), each with where it starts in both texts and its
/// two lengths; between pieces, and before the first, the folded text follows the original again.
struct OffsetMap: Sendable, Equatable {
    struct Piece: Sendable, Equatable {
        var folded: Int32
        var original: Int32
        var foldedLength: Int32
        var originalLength: Int32
    }
    private(set) var pieces: [Piece] = []

    /// The original offset of the folded `offset`, rounded down to the start of a whole piece.
    func originalStart(_ offset: Int) -> Int {
        guard let p = lastPiece(atOrBefore: offset) else { return offset }
        if offset < Int(p.folded + p.foldedLength) { return Int(p.original) }
        return Int(p.original + p.originalLength) + offset - Int(p.folded + p.foldedLength)
    }

    /// Where the original text ends for a folded range ending at `offset` (> 0): after the character
    /// the folded byte before `offset` came from.
    func originalEnd(_ offset: Int) -> Int {
        guard let p = lastPiece(atOrBefore: offset - 1) else { return offset }
        if offset - 1 < Int(p.folded + p.foldedLength) { return Int(p.original + p.originalLength) }
        return Int(p.original + p.originalLength) + offset - Int(p.folded + p.foldedLength)
    }

    /// The last piece starting at or before `offset`: of pieces starting together, the one after any
    /// that folded to nothing.
    private func lastPiece(atOrBefore offset: Int) -> Piece? {
        var lo = 0, hi = pieces.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(pieces[mid].folded) <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : pieces[lo - 1]
    }

    /// A piece folded as a whole, appended in order.
    mutating func append(folded: Int, original: Int, foldedLength: Int, originalLength: Int) {
        pieces.append(
            Piece(
                folded: Int32(folded), original: Int32(original), foldedLength: Int32(foldedLength),
                originalLength: Int32(originalLength)))
    }
}
