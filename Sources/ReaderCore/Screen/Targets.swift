import ArticleKit

/// Which entries a list drawn over the body shows, and on which rows: the renderer draws them there and
/// the mouse finds them there, from this one rule.
struct ListWindow: Equatable {
    /// The entries shown, in order, one a row.
    var entries: Range<Int>
    /// The screen row of the first.
    var firstRow: Int

    /// `count` entries with `selection` kept in the middle of the rows below the header.
    init(count: Int, selection: Int, geometry g: Geometry) {
        let visible = max(1, g.bodyHeight - 2)
        let first = max(0, min(selection - visible / 2, count - visible))
        entries = first..<max(first, min(count, first + visible))
        firstRow = g.bodyTop + 2
    }

    /// The entry on screen row `row`, if one is drawn there.
    func entry(atRow row: Int) -> Int? {
        let entry = entries.lowerBound + row - firstRow
        return row >= firstRow && entries.contains(entry) ? entry : nil
    }
}

/// The outline beside the article: every section wrapped to the pane, and which of those rows are in
/// view. The renderer draws these rows; the mouse finds a section by them.
struct OutlinePane {
    /// Rows of the pane: each section's entry wrapped to its width, a sub-section under its indent.
    var rows: [(entry: Int, text: String)]
    /// The first row in view, and the screen row it is drawn on.
    var first: Int
    var visible: Int
    var firstRow: Int

    /// The pane of `width` columns for `sections`, centred on `centre` (the selection when the outline
    /// has the keys, else the current section).
    init(sections: [Section], width: Int, centre: Int, geometry g: Geometry) {
        var rows: [(entry: Int, text: String)] = []
        for (i, section) in sections.enumerated() {
            // A sub-section's rows all stand under its indent, while the pane has room for it; rows after
            // an entry's first hang under its heading, inside the same width.
            let indent = Self.indent(section)
            let shown = width - 3 - indent.count >= 8 ? indent : ""
            let parts = Self.lines(Self.entry(i, section), width: max(1, width - 3 - shown.count), indent: 3)
            for part in parts { rows.append((i, shown + part)) }
        }
        self.rows = rows
        visible = max(1, g.bodyHeight - 2)
        let anchor = rows.firstIndex { $0.entry == centre } ?? 0
        first = max(0, min(anchor - visible / 2, rows.count - visible))
        firstRow = g.bodyTop + 2
    }

    /// The rows in view, with their screen rows.
    var shown: ArraySlice<(entry: Int, text: String)> { rows[first..<min(rows.count, first + visible)] }

    /// The section on screen row `row`, if the pane draws one there.
    func section(atRow row: Int) -> Int? {
        let index = first + row - firstRow
        guard row >= firstRow, index < min(rows.count, first + visible) else { return nil }
        return rows[index].entry
    }

    /// "2. Heading", as the outline lists a section (without its indent).
    static func entry(_ i: Int, _ section: Section) -> String { "\(i + 1). " + (section.heading ?? "Beginning") }

    /// Two spaces for each level below a section.
    static func indent(_ section: Section) -> String {
        String(repeating: "  ", count: min(5, max(0, section.level - 1)))
    }

    /// A heading wrapped to the pane: no row wider than `width`, the rows after the first indented by
    /// `indent` (counted in the width), at most `limit` rows. A word wider than a row is broken with a
    /// hyphen, never cut; a longer heading ends its last row with "…", so the pane never drops
    /// letters or words without saying so.
    static func lines(_ text: String, width: Int, indent: Int = 0, limit: Int = 3) -> [String] {
        let room = max(1, width - indent)
        let text = hyphenated(text, width: room)
        guard let first = TextWrapper.wrap(text, width: width).first else { return [] }
        let rest = text.dropFirst(first.count).drop { $0 == " " }
        let pad = String(repeating: " ", count: width - room)
        let lines = [first] + (rest.isEmpty ? [] : TextWrapper.wrap(String(rest), width: room).map { pad + $0 })
        guard lines.count > limit else { return lines }
        // Ends in "…" either way: appended when it fits, else put in place of the last character.
        var last = lines[limit - 1]
        if last.hasSuffix("-") { last.removeLast() }
        return Array(lines.prefix(limit - 1)) + [TextWrapper.cut(last + "…", width)]
    }

    /// `text` with each word wider than `width` broken into pieces that end in a hyphen and fit it.
    /// Only words of one-column characters: CJK lines break between ideographs without one.
    static func hyphenated(_ text: String, width: Int) -> String {
        guard width >= 2, DisplayWidth.of(text) > width else { return text }
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            guard DisplayWidth.of(word) > width, word.allSatisfy({ DisplayWidth.of($0) <= 1 }) else {
                return String(word)
            }
            var pieces: [String] = []
            var piece = ""
            for c in word {
                if DisplayWidth.of(piece) + DisplayWidth.of(c) > width - 1 {
                    pieces.append(piece + "-")
                    piece = ""
                }
                piece.append(c)
            }
            return (pieces + [piece]).joined(separator: " ")
        }
        return words.joined(separator: " ")
    }
}

/// What a click on a screen row opens, worked out from the state and the window's geometry alone: the
/// renderer records it in `Screen.targets` and the mouse reads it from here, so the reducer never draws
/// a screen to learn what was clicked. Only what is on top counts: a list or the help over the body
/// hides the outline pane under it.
enum Targets {
    /// The target on screen row `row`, if any.
    static func target(atRow row: Int, in state: ReaderState) -> Screen.Target? {
        all(in: state)[row]
    }

    /// Every row's target, as `Screen.targets` holds them.
    static func all(in state: ReaderState) -> [Int: Screen.Target] {
        let g = state.geometry
        guard !g.isTooSmall else { return [:] }
        let find: (Int) -> Screen.Target?
        func list(_ count: Int, _ selection: Int, _ make: @escaping (Int) -> Screen.Target) -> (Int) -> Screen.Target? {
            let window = ListWindow(count: count, selection: selection, geometry: g)
            return { window.entry(atRow: $0).map(make) }
        }
        switch state.overlay {
        case .none,
            .outline where g.pane != nil:
            guard let pane = pane(state) else { return [:] }
            find = { pane.section(atRow: $0).map { .section($0) } }
        case .outline(let selection):
            find = list(state.document.article.sections.count, selection) { .section($0) }
        case .list(let l): find = list(l.rowCount, l.selection) { .listRow($0) }
        case .marks(let selection): find = list(state.journal.marks.count, selection) { .listRow($0) }
        case .recent(let selection): find = list(state.recentlyRead.count, selection) { .listRow($0) }
        case .results(let results): find = list(results.hits.count, results.selection) { .listRow($0) }
        case .help: return [:]
        }
        var targets: [Int: Screen.Target] = [:]
        for row in g.bodyTop..<(g.bodyTop + g.bodyHeight) {
            if let target = find(row) { targets[row] = target }
        }
        return targets
    }

    /// The outline pane as it is drawn now, when the window has one.
    static func pane(_ state: ReaderState) -> OutlinePane? {
        guard let pane = state.geometry.pane else { return nil }
        let focused: Int? = { if case .outline(let s) = state.overlay { return s } else { return nil } }()
        return OutlinePane(
            sections: state.document.article.sections, width: pane.width, centre: focused ?? state.currentSection,
            geometry: state.geometry)
    }
}
