/// One terminal cell of a grapheme cluster: a scalar that moves the cursor, and the scalars
/// the terminal draws in the same cell (combining marks, variation selectors, what a ZWJ joins).
public struct TerminalCell: Sendable, Equatable {
    public var scalars: [Unicode.Scalar]
    public var width: Int

    public init(scalars: [Unicode.Scalar], width: Int) {
        self.scalars = scalars
        self.width = width
    }
}

/// How a terminal that measures with wcwidth() lays a grapheme cluster out in cells. Terminals
/// know nothing of clusters: they go scalar by scalar. Measured in tmux 3.3a (the column after
/// printing "X" and the cluster, minus one; glibc 2.36 widths in brackets):
///
/// 1. A scalar of width 1 or 2 starts a cell that wide. So the widths add up: 🇩🇪 2 [1,1],
///    भा 2 [1,1], กำ 2 [1,1], ক্ষ 2 [1,0,1], 🤝🏾 4 [2,2] (no skin tone is joined), ✌🏻 3 [1,2],
///    ✈️ and ☎️ 1 [1,0] (VS16 does not widen), 😀︎ 2 [2,0] (VS15 does not narrow), #️⃣ 1 [1,0,0].
/// 2. A scalar of width 0 goes into the cell before it: combining marks, VS15/VS16, Hangul
///    medial vowels and final consonants (decomposed 가 is 2 [2,0], שָׁ 1 [1,0,0]).
/// 3. After a ZWJ, the next scalar goes into that cell too, whatever its width: tmux draws
///    🧑‍🚀 [2,0,2], 👩‍👩‍👦 and 👨‍👩‍👧‍👦 as one picture two columns wide, 🧑🏽‍🚀 in 4 (🧑, then
///    🏽 with the rocket), 🏳️‍🌈 in 1 [1,0,0,2] and क्‍ष in 1. (tmux never joins ASCII: a‍b is 2.)
/// 4. A zero-width scalar with no cell to go into: a mark (a lone U+0301) gets a cell of its
///    own, on a space, so it is seen and not piled onto the character before; an invisible
///    one (a format character such as ZWSP, a lone ZWJ) is dropped.
/// 5. A ZWJ that ends the cluster is dropped: the terminal would join the next cluster's
///    first scalar to this cell and move everything after it one picture left.
public enum TerminalCells {
    public static func of(_ cluster: Character) -> [TerminalCell] {
        var cells: [TerminalCell] = []
        var rules = CellRules()
        for s in cluster.unicodeScalars {
            switch rules.step(s) {
            case .start(let width): cells.append(TerminalCell(scalars: [s], width: width))
            case .startOnSpace: cells.append(TerminalCell(scalars: [" ", s], width: 1))
            case .join: cells[cells.count - 1].scalars.append(s)
            case .drop: break
            }
        }
        if !cells.isEmpty {
            while cells[cells.count - 1].scalars.last == CellRules.zwj { cells[cells.count - 1].scalars.removeLast() }
        }
        return cells
    }

    /// The total width of `of(cluster)`, without building the cells.
    /// The width of a cluster of one scalar, the common case: rule 4 is the only one that can apply
    /// (a lone combining mark takes a cell of its own).
    @inline(__always)
    public static func width(ofLone scalar: Unicode.Scalar) -> Int {
        let w = DisplayWidth.of(scalar)
        return w > 0 || CellRules.isInvisible(scalar) ? w : 1
    }

    public static func width(of cluster: Character) -> Int {
        var scalars = cluster.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        guard let second = scalars.next() else { return width(ofLone: first) }
        var rules = CellRules()
        var total = rules.step(first).width
        total += rules.step(second).width
        while let s = scalars.next() { total += rules.step(s).width }
        return total
    }
}

/// Rules 1 to 4 of `TerminalCells`, one scalar at a time.
struct CellRules {
    static let zwj: Unicode.Scalar = "\u{200D}"

    enum Step: Equatable {
        case start(width: Int), startOnSpace, join, drop

        var width: Int {
            switch self {
            case .start(let width): return width
            case .startOnSpace: return 1
            case .join, .drop: return 0
            }
        }
    }

    private var open = false
    private var afterJoiner = false

    mutating func step(_ s: Unicode.Scalar) -> Step {
        if afterJoiner && !s.isASCII {
            afterJoiner = s == Self.zwj
            return .join
        }
        afterJoiner = false
        if s == Self.zwj {
            guard open else { return .drop }
            afterJoiner = true
            return .join
        }
        let w = DisplayWidth.of(s)
        if w > 0 {
            open = true
            return .start(width: w)
        }
        if open { return .join }
        if Self.isInvisible(s) { return .drop }
        open = true
        return .startOnSpace
    }

    /// Zero-width scalars that draw nothing on their own: format characters, default
    /// ignorables (variation selectors, Hangul fillers), controls and separators.
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        let p = s.properties
        if p.isDefaultIgnorableCodePoint { return true }
        switch p.generalCategory {
        case .format, .control, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
