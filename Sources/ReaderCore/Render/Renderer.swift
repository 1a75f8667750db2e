import ArticleKit

/// Draws the reader: `render(state) -> Screen`, a pure function. Title bar on the
/// first row, status line on the last, the article in a centred column between,
/// the outline as a side pane on wide windows, overlays over the body.
public enum Renderer {
    public static func render(_ state: ReaderState) -> Screen {
        let g = state.geometry
        var screen = Screen(width: g.width, height: g.height)
        if g.isTooSmall { return tooSmall(screen) }
        titleBar(state, &screen)
        body(state, &screen)
        if let pane = g.pane { outlinePane(state, pane, &screen) }
        switch state.overlay {
        case .none: break
        case .outline(let selection):
            if g.pane == nil { outlineOverlay(state, selection, &screen) }
        case .list(let list): articleList(state, list, &screen)
        case .help(let scroll): help(state, scroll, &screen)
        case .marks(let selection): marksOverlay(state, selection, &screen)
        case .recent(let selection): recentOverlay(state, selection, &screen)
        case .results(let results): resultsOverlay(state, results, &screen)
        }
        statusLine(state, &screen)
        return screen
    }

    static func tooSmall(_ screen: Screen) -> Screen {
        var screen = screen
        guard screen.width > 0, screen.height > 0 else { return screen }
        let lines = ["Too small", "min \(Geometry.minimumWidth)x\(Geometry.minimumHeight)", "q quits"]
        for (i, line) in lines.prefix(screen.height).enumerated() {
            let x = max(0, (screen.width - DisplayWidth.of(line)) / 2)
            screen.put(
                line, row: i + max(0, (screen.height - lines.count) / 2), column: x, style: i == 0 ? .error : .plain)
        }
        screen.cursor = (0, 0)
        return screen
    }

    /// Cuts text to a width with "…" when it does not fit.
    static func fit(_ text: String, _ width: Int) -> String { TextWrapper.cut(text, width) }

    static func titleBar(_ state: ReaderState, _ screen: inout Screen) {
        screen.fill(row: 0, style: .titleBar)
        var right = ""
        if state.indexing { right = "indexing…" } else if let label = state.chainLabel { right = label }
        if state.recordsChanges { right += (right.isEmpty ? "" : " · ") + state.readingNote(state.document.id) }
        let rightWidth = DisplayWidth.of(right)
        let available = screen.width - 2 - (rightWidth > 0 ? rightWidth + 2 : 0)
        if available >= 10 {
            screen.put(fit(state.document.article.title, available), row: 0, column: 1, style: .titleBar)
            screen.put(right, row: 0, column: screen.width - rightWidth - 1, style: .titleBar)
        } else {
            screen.put(fit(state.document.article.title, screen.width - 2), row: 0, column: 1, style: .titleBar)
        }
    }

    static func body(_ state: ReaderState, _ screen: inout Screen) {
        let g = state.geometry
        let lines = state.lines
        for row in 0..<g.bodyHeight {
            let index = state.top + row
            guard index < lines.count else { break }
            let line = lines[index]
            let style: Style
            switch line.kind {
            case .title: style = .title
            case .heading: style = .heading
            case .footer, .blank, .body, .listItem, .quote, .tableRow: style = .plain
            case .code: style = .code
            case .caption, .byline: style = .caption
            case .footerLink: style = .link
            case .footerUnresolved: style = .dim
            }
            let text = state.options.plain ? plainText(line) : line.text
            screen.put(text, row: g.bodyTop + row, column: g.columnX, style: style, limit: g.columnX + g.columnWidth)
        }
        if let search = state.search {
            for m in search.indices(near: state.top..<(state.top + g.bodyHeight)) {
                for span in search.matches[m].spans where span.line >= state.top && span.line < state.top + g.bodyHeight
                {
                    screen.restyle(
                        row: g.bodyTop + span.line - state.top, from: g.columnX + span.from, to: g.columnX + span.to,
                        style: m == search.current && !search.awaitingFirst ? .currentMatch : .match)
                }
            }
        }
        // The cursor marks what has focus, for screen readers: the current match when one is on screen,
        // or the heading in focus.
        // Otherwise it is parked where less parks it, at the start of the status line; overlays and
        // the outline pane move it onto their selected entry.
        screen.cursor = (g.statusRow, 0)
        let focusOnScreen = state.focus >= state.top && state.focus < state.top + g.bodyHeight
        if state.options.plain && !lines.isEmpty {
            // Plain mode: always on the line in focus, for braille displays that follow the cursor.
            let row = focusOnScreen ? state.focus - state.top : 0
            screen.cursor = (g.bodyTop + row, g.columnX)
        } else if lines.indices.contains(state.focus), lines[state.focus].kind == .heading, focusOnScreen {
            screen.cursor = (g.bodyTop + state.focus - state.top, g.columnX)  // a heading jumped or scrolled to
        }
        if let s = state.search, !s.awaitingFirst, s.matches.indices.contains(s.current),
            let span = s.matches[s.current].spans.first,
            span.line >= state.top, span.line < state.top + g.bodyHeight
        {
            screen.cursor = (g.bodyTop + span.line - state.top, g.columnX + span.from)
        }
    }

    /// A line as plain mode draws it, without box drawing or decorative glyphs: a quote's bar as "> ", as
    /// mail quotes, a list's bullet as "-". Either takes the columns it replaces.
    static func plainText(_ line: LayoutLine) -> String {
        let text = line.text
        switch line.kind {
        case .quote where text.hasPrefix(ArticleLayout.quoteMarker):
            return ArticleLayout.plainQuoteMarker + text.dropFirst(ArticleLayout.quoteMarker.count)
        case .listItem:
            guard let i = text.firstIndex(where: { $0 != " " }), "•◦▪▫‣⁃·".contains(text[i]),
                text[text.index(after: i)...].first == " "
            else { return text }
            return text[..<i] + "-" + text[text.index(after: i)...]
        default:
            return text
        }
    }

    /// One line per section: the lede first, then the headings, the current one marked; a sub-section
    /// indented under its section (`outlineIndent`).
    static func outlineEntries(_ state: ReaderState) -> [String] {
        state.document.article.sections.enumerated().map { i, s in outlineIndent(s) + OutlinePane.entry(i, s) }
    }

    /// Two spaces for each level below a section.
    static func outlineIndent(_ section: Section) -> String { OutlinePane.indent(section) }

    /// The outline beside the article: every section, wrapped to the pane (`OutlinePane`, which the
    /// mouse reads too), the current one marked with ▸ and, when the pane has the keys, the selection shown.
    static func outlinePane(_ state: ReaderState, _ pane: (x: Int, width: Int), _ screen: inout Screen) {
        let g = state.geometry
        for row in g.bodyTop..<(g.bodyTop + g.bodyHeight) { screen.put("│", row: row, column: pane.x - 1, style: .dim) }
        let focused: Int? = { if case .outline(let s) = state.overlay { return s } else { return nil } }()
        let keys = state.keyMap
        screen.put(
            focused != nil ? "Outline (\(keys.label(.open, in: .outline)) jumps)" : "Outline (\(keys.label(.outline)))",
            row: g.bodyTop, column: pane.x + 1, style: Style(bold: true), limit: g.width)
        let layout = OutlinePane(
            sections: state.document.article.sections, width: pane.width, centre: focused ?? state.currentSection,
            geometry: g)
        let rows = layout.rows
        let first = layout.first
        var previousEntry = -1
        for (row, r) in layout.shown.enumerated() {
            let y = layout.firstRow + row
            let current = r.entry == state.currentSection
            let marker = current && r.entry != previousEntry ? "▸ " : "  "
            previousEntry = r.entry
            let style: Style = r.entry == focused ? .selection : (current ? Style(bold: true) : .plain)
            if r.entry == focused { screen.fill(row: y, from: pane.x, to: g.width, style: style) }
            screen.put(marker + r.text, row: y, column: pane.x, style: style, limit: g.width)
            screen.targets[y] = .section(r.entry)
            if r.entry == focused && screen.cursor?.row != y && (row == 0 || rows[first + row - 1].entry != r.entry) {
                screen.cursor = (y, pane.x)
            }
        }
    }

    /// A heading wrapped to the pane (`OutlinePane.lines`).
    static func paneLines(_ text: String, width: Int, indent: Int = 0, limit: Int = 3) -> [String] {
        OutlinePane.lines(text, width: width, indent: indent, limit: limit)
    }

    static func clearBody(_ state: ReaderState, _ screen: inout Screen) {
        let g = state.geometry
        for row in g.bodyTop..<(g.bodyTop + g.bodyHeight) {
            screen.fill(row: row, style: .plain)
            screen.targets[row] = nil  // what is drawn over the pane hides its entries from the mouse too
        }
    }

    /// A framed list over the body: a header line, then rows with one selected.
    /// `count` rows, of which only the visible ones are asked for by `row(i)`: the
    /// article list of a 100,000-article folder must not build 100,000 strings a frame.
    /// In plain mode rows are numbered (unless `numbered` says they are already) and the marked one
    /// says so in words rather than with a glyph. Returns the entries drawn and the screen row of
    /// the first, for what is drawn over them.
    @discardableResult
    static func listOverlay(
        _ state: ReaderState, header: String, count: Int, row rowText: (Int) -> String,
        marked: Int?, selection: Int, target: (Int) -> Screen.Target, numbered: Bool = false,
        trailer: (Int) -> String = { _ in "" }, _ screen: inout Screen
    ) -> (entries: Range<Int>, firstRow: Int) {
        let g = state.geometry
        clearBody(state, &screen)
        let x = g.columnX
        let width = g.pane == nil ? g.columnWidth : g.width - x - 1
        screen.put(fit(header, width), row: g.bodyTop, column: x, style: Style(bold: true))
        let window = ListWindow(count: count, selection: selection, geometry: g)
        for (row, i) in window.entries.enumerated() {
            let y = window.firstRow + row
            let text: String
            if state.options.plain {
                text = (numbered ? "" : "\(i + 1). ") + rowText(i) + (i == marked ? " (current)" : "")
            } else {
                text = (i == marked ? "▸ " : "  ") + rowText(i)
            }
            let style: Style = i == selection ? .selection : .plain
            if i == selection { screen.fill(row: y, from: x, to: x + width, style: style) }
            screen.put(withTrailer(text, trailer(i), width), row: y, column: x, style: style, limit: x + width)
            if i == selection { screen.cursor = (y, x) }
            screen.targets[y] = target(i)
        }
        if count == 0 {
            screen.put("(nothing matches)", row: g.bodyTop + 2, column: x, style: .dim); screen.cursor = (g.bodyTop, x)
        }
        return (window.entries, window.firstRow)
    }

    /// `text` cut to the room that `trailer` leaves, and the trailer at the row's right end: what a row
    /// ends with (a file name, how far an article was read) never gives way to a long title. The
    /// trailer takes half the row at most (cut with "…" beyond that); on a row too narrow for both,
    /// the text comes first.
    static func withTrailer(_ text: String, _ trailer: String, _ width: Int) -> String {
        let tail = shownTrailer(trailer, width)
        guard !tail.isEmpty else { return fit(text, width) }
        let head = fit(text, width - DisplayWidth.of(tail) - 2)
        return head + String(repeating: " ", count: max(2, width - DisplayWidth.of(head) - DisplayWidth.of(tail)))
            + tail
    }

    /// What `withTrailer` keeps of a trailer in a row `width` wide ("" when the row is too narrow).
    static func shownTrailer(_ trailer: String, _ width: Int) -> String {
        guard !trailer.isEmpty, width >= 24 else { return "" }
        return fit(trailer, width / 2)
    }

    /// The file name of a path or article key, the last part after "/".
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// An article's file as a row ends with it: its name, after its folder (relative to the folder
    /// named) when it is in a subfolder of a nested archive, so that `2026/01/a.txt` and `2026/02/a.txt`
    /// differ. A flat folder's rows keep the bare name.
    static func fileLabel(_ state: ReaderState, _ key: String) -> String {
        let name = fileName(key)
        guard let i = state.collection.index(of: ArticleID(key: key)) else { return name }
        let folder = state.collection.entries[i].folder
        return folder.isEmpty ? name : shown(folder) + "/" + name
    }

    static func outlineOverlay(_ state: ReaderState, _ selection: Int, _ screen: inout Screen) {
        let rows = outlineEntries(state)
        let keys = state.keyMap
        listOverlay(
            state,
            header: "Outline — \(keys.label(.open, in: .outline)) jumps, \(keys.label(.close, in: .outline)) closes",
            count: rows.count, row: { rows[$0] }, marked: state.currentSection, selection: selection,
            target: { .section($0) }, numbered: true, &screen)
    }

    static func articleList(_ state: ReaderState, _ list: ArticleListState, _ screen: inout Screen) {
        let entries = state.collection.entries
        let total = state.shortlist == nil ? entries.count : state.listPool.count
        let keys = state.keyMap
        var header =
            list.filter.isEmpty
            ? "Articles (\(total)) — \(keys.label(.filter, in: .list)) filters, \(keys.label(.open, in: .list)) opens, "
                + "\(keys.label(.close, in: .list)) closes"
            : "Articles matching “\(list.filter)”: \(list.matches.count) of \(total)"
        if list.typing {
            // The filter is typed in the status line: the header says how to leave it.
            header =
                (list.filter.isEmpty ? "Articles (\(total))" : "Matching: \(list.matches.count) of \(total)")
                + " — \(keys.label(.submit, in: .filter)) keeps the filter, "
                + "\(keys.label(.cancel, in: .filter)) drops it"
        } else if list.unreadOnly {
            header = "Unread: \(list.matches.count) of \(total) — \(keys.label(.unreadOnly, in: .list)) shows all"
        }
        if !list.bodyMatches.isEmpty { header += " · \(list.bodyMatches.count) more in the text (≈)" }
        listOverlay(
            state, header: header, count: list.rowCount,
            row: { i in
                // Matched in the text, not the title: marked so (in words in plain mode), under the title matches.
                if i < list.matches.count { return listRow(state, entries[list.matches[i]]) }
                let row = list.entry(atRow: i, in: state.collection).map { listRow(state, entries[$0]) } ?? ""
                return state.options.plain ? row + " (found in the text)" : "≈ " + row
            },
            marked: list.marked, selection: list.selection, target: { .listRow($0) },
            trailer: { i in
                list.entry(atRow: i, in: state.collection).map { listTrailer(state, entries[$0]) } ?? ""
            }, &screen)
    }

    /// The help screen, generated from the live key map; summaries wrap to the window.
    static func help(_ state: ReaderState, _ scroll: Int, _ screen: inout Screen) {
        let g = state.geometry
        clearBody(state, &screen)
        let x = helpX(g)
        let rows = helpRows(state)
        let start = min(scroll, max(0, rows.count - g.bodyHeight))
        for (row, line) in rows.dropFirst(start).prefix(g.bodyHeight).enumerated() {
            screen.put(line.text, row: g.bodyTop + row, column: x, style: line.bold ? Style(bold: true) : .plain)
        }
        screen.cursor = (g.bodyTop, x)
    }

    static func helpX(_ g: Geometry) -> Int { HelpPage.x(g) }

    /// The help's lines (`HelpPage`): what the state's help keys scroll through, drawn here.
    static func helpRows(_ state: ReaderState) -> [HelpRow] { state.helpRows }

    /// "/query" with the cursor where the next character goes; a query wider than the line
    /// scrolls so the cursor stays in view.
    static func promptLine(_ prompt: SearchPrompt, row: Int, width: Int, _ screen: inout Screen) {
        // `s` searches every article: its prompt says so; `/` is less's.
        let lead = prompt.scope == .collection ? "search all: " : "/"
        let leadWidth = DisplayWidth.of(lead)
        let room = max(1, width - 1 - leadWidth)
        var text = prompt.text
        var column = prompt.cursorColumn
        while column > room, !text.isEmpty {
            column -= DisplayWidth.of(text.removeFirst())
        }
        let end = screen.put(fit(lead + String(text), width - 1), row: row, column: 0, style: .statusBar)
        screen.cursor = (row, min(leadWidth + column, end, width - 1))
    }

    /// The article list's filter while it is typed, "filter: words", with the cursor at its end; a
    /// filter wider than the line shows its end.
    static func filterLine(_ filter: String, row: Int, width: Int, _ screen: inout Screen) {
        let lead = "filter: "
        let room = max(1, width - 1 - DisplayWidth.of(lead))
        var text = Substring(filter)
        while DisplayWidth.of(text) > room, !text.isEmpty { text.removeFirst() }
        let end = screen.put(lead + text, row: row, column: 0, style: .statusBar, limit: width - 1)
        screen.cursor = (row, min(end, width - 1))
    }

    static func statusLine(_ state: ReaderState, _ screen: inout Screen) {
        let g = state.geometry
        let row = g.statusRow
        screen.fill(row: row, style: .statusBar)
        if let prompt = state.prompt {
            promptLine(prompt, row: row, width: g.width, &screen)
            return
        }
        if case .list(let list) = state.overlay, list.typing {
            filterLine(list.filter, row: row, width: g.width, &screen)
            return
        }
        var right = ""
        if let n = state.count { right = "\(n)…  " }
        let total = state.lines.count
        let first = total == 0 ? 0 : state.top + 1
        let last = min(total, state.top + g.bodyHeight)
        let percent = total == 0 ? 100 : (state.top >= state.maxTop ? 100 : last * 100 / total)
        right += "\(first)–\(last)/\(total) \(percent)%  \(state.keyMap.label(.help)) help"
        if case .building(let done, let total) = state.searchIndex {
            let counted = total == 0 ? "indexing…" : "indexing \(Renderer.grouped(done))/\(Renderer.grouped(total))"
            right = counted + " · " + right
        }
        let left: String
        if let message = state.message {
            left = message
        } else if let s = state.search {
            left = searchStatus(s, state.keyMap)
        } else {
            let sections = state.document.article.sections
            let i = state.currentSection
            if state.options.plain {
                left = state.sectionName
            } else if sections.indices.contains(i) {
                left = "§ \(i + 1)/\(sections.count) " + (sections[i].heading ?? "Beginning")
            } else {
                left = "No sections"
            }
        }
        // A message keeps its words: the line range gives way first, as on narrow windows.
        let crowded = state.message.map { DisplayWidth.of($0) > g.width - DisplayWidth.of(right) - 3 } ?? false
        if g.width < 60 || crowded {
            // Narrow windows keep the section name readable and drop the line range.
            right = (state.count.map { "\($0)… " } ?? "") + "\(percent)% \(state.keyMap.label(.help))"
        }
        let rightWidth = DisplayWidth.of(right)
        let style = state.message != nil ? Style(bold: true, reverse: true, role: .statusBar) : Style.statusBar
        screen.put(StatusText.fit(left, g.width - rightWidth - 3), row: row, column: 1, style: style)
        screen.put(right, row: row, column: g.width - rightWidth - 1, style: .statusBar)
    }

    /// The search's part of the status line: while matches are counted behind the screen, how far the
    /// count has gone; then which match is current of how many.
    static func searchStatus(_ s: SearchState, _ keys: KeyMap) -> String {
        let steps = "\(keys.label(.nextMatchOrFollowNext))/\(keys.label(.previousMatch))"
        let escape = keys.label(.escape)
        if let counting = s.counting {
            return s.awaitingFirst
                ? "searching for “\(s.query)”… \(counting.percent)% · \(escape) stops"
                : "match found, counting… \(s.matches.count) so far (\(counting.percent)%) · \(steps) · \(escape) stops"
        }
        return s.matches.isEmpty
            ? "no match for “\(s.query)” · \(escape) clears"
            : "match \(s.current + 1)/\(s.matches.count) · \(steps) · \(escape) clears"
    }
}
