import ArticleKit

/// The article view: the article on screen laid out for the window, where the reader is in it (the top
/// line, the line in focus, the place kept across relayouts), a number typed before a command, and the
/// `/` search with its count behind the screen. Its reducers move the reader and search the article;
/// they know nothing of the collection, history or overlays. What they say goes into a `Feedback`.
struct ArticleView: Sendable {
    /// How the person wants the column laid out (width, margins, the outline pane).
    let layout: ReadingLayout
    var geometry: Geometry
    var document: Document
    /// First layout line shown.
    var top = 0
    /// The line the reader is on: the top line after scrolling, a heading after a jump.
    var focus = 0
    /// The place the reader chose, kept across resizes: a window too small to
    /// scroll clamps `top`, and the place must survive that.
    var anchor: Anchor?
    /// A number typed before a command (`12g`, `40%`, `12]`), as less reads one.
    var count: Int?
    var search: SearchState?
    /// How much of the article `/` searches before drawing (the rest is counted behind the screen).
    var searchWindow = SearchWindow.standard
    /// The id of the last count asked for.
    var searchSerial = 0
    /// Queries run this session, oldest first, for ↑/↓ in the prompt; the last one is what Enter on
    /// an empty prompt repeats, even after Esc cleared it.
    var queries: [String] = []

    init(layout: ReadingLayout, geometry: Geometry, document: Document) {
        self.layout = layout
        self.geometry = geometry
        self.document = document
    }

    /// The block at the top and how far into it, as a fraction of its lines.
    struct Anchor: Sendable, Equatable {
        var block: Int
        var fraction: Double
        var focusBlock: Int
    }

    var bodyHeight: Int { geometry.bodyHeight }
    var lines: LayoutLines { document.layout.lines }
    var maxTop: Int { max(0, lines.count - bodyHeight) }
    var isLoading: Bool { document.extent == .loading }
    var hasOutline: Bool { document.hasOutline }

    /// The section being read: the one at a jump's target or under the top line; at
    /// the end of the article, the last one whose heading is in view, so a short last
    /// section counts as current once scrolling can go no further.
    var currentSection: Int {
        if focus != top || top < maxTop || maxTop == 0 { return document.layout.section(atLine: focus) }
        let starts = document.layout.sectionStarts
        if let last = starts.lastIndex(where: { $0 >= top && $0 < top + bodyHeight }) { return last }
        return document.layout.section(atLine: focus)
    }

    /// The window's geometry for this document: the outline pane only when it has headings.
    func windowGeometry(width: Int, height: Int, pane: Bool) -> Geometry {
        Geometry(width: width, height: height, wantsPane: pane && hasOutline, layout: layout)
    }

    // MARK: Moving

    mutating func setTop(_ line: Int) {
        top = min(max(0, line), maxTop)
        focus = top
    }

    mutating func scroll(by delta: Int) {
        setTop(top + delta)
    }

    mutating func jump(toLine line: Int) {
        setTop(line)
        focus = min(line, max(0, lines.count - 1))
    }

    mutating func jump(toSection index: Int, _ out: inout Feedback) {
        let starts = document.layout.sectionStarts
        guard starts.indices.contains(index) else {
            out.message = "There is no section \(index + 1) (this article has \(starts.count))"
            return
        }
        // Section 1 is the lede: show the title with it.
        if index == 0 { setTop(0) } else { jump(toLine: starts[index]) }
    }

    /// Brings a match into view, a third of the way down when it was off screen.
    mutating func reveal(_ match: SearchState.Match) {
        if match.line < top || match.line >= top + bodyHeight { setTop(match.line - bodyHeight / 3) }
        focus = match.line
    }

    /// The start of the text the reader is on, for finding its line in the file.
    var focusText: String {
        guard !lines.isEmpty else { return "" }
        let block = lines[min(focus, lines.count - 1)].block
        let starts = document.layout.blockStarts
        let first = starts.indices.contains(block) ? starts[block] : focus
        return lines[min(first, lines.count - 1)].text
    }

    // MARK: The place across layouts

    func anchorPosition() -> Anchor {
        guard !lines.isEmpty else { return Anchor(block: 0, fraction: 0, focusBlock: 0) }
        let line = lines[min(top, lines.count - 1)]
        let start =
            document.layout.blockStarts.indices.contains(line.block) ? document.layout.blockStarts[line.block] : top
        let length = blockLength(line.block)
        let fraction = top > start && length > 0 ? Double(top - start) / Double(length) : 0
        return Anchor(block: line.block, fraction: fraction, focusBlock: lines[min(focus, lines.count - 1)].block)
    }

    /// The place the reader chose is where the reader is now (after a key, a jump, an arrival).
    mutating func keepPlace() {
        anchor = anchorPosition()
    }

    func blockLength(_ block: Int) -> Int {
        guard document.layout.blockStarts.indices.contains(block) else { return 1 }
        let start = document.layout.blockStarts[block]
        var end = start
        while end < lines.count && lines[end].block == block && lines[end].kind != .blank { end += 1 }
        return max(1, end - start)
    }

    mutating func restore(_ anchor: Anchor) {
        let starts = document.layout.blockStarts
        guard starts.indices.contains(anchor.block) else { top = min(top, maxTop); focus = top; return }
        let offset = Int((anchor.fraction * Double(blockLength(anchor.block))).rounded(.down))
        // A blank line above a block belongs to it; keep it when it was on top.
        var newTop = starts[anchor.block] + offset
        if anchor.fraction == 0, top < lines.count, newTop > 0, lines[newTop - 1].kind == .blank,
            lines[min(top, lines.count - 1)].kind == .blank
        {
            newTop -= 1
        }
        let focusLine = starts.indices.contains(anchor.focusBlock) ? starts[anchor.focusBlock] : newTop
        setTop(newTop)
        focus = min(max(focusLine, top), top + bodyHeight - 1, max(0, lines.count - 1))
    }

    /// Puts the reader back at `place` on lines that changed under it, the search counted again on them:
    /// the place first (a search counted again starts from the top of the screen), then the search, then
    /// the place again (a search may have moved the screen to its match). One operation: the three steps
    /// only mean something together.
    mutating func settle(at place: Anchor, _ out: inout Feedback) {
        restore(place)
        rerunSearch(&out)
        restore(place)
    }

    /// The window changed size: the document is laid out again for the new column when it changed,
    /// and the reader kept at the place chosen (`anchor`), with the search.
    mutating func resize(width: Int, height: Int, footer: (Document) -> [FooterLine], _ out: inout Feedback) {
        let place = anchor ?? anchorPosition()
        geometry = windowGeometry(width: width, height: height, pane: true)
        if document.layout.width != geometry.columnWidth {
            document.layout = ArticleLayout.make(
                document.article, footer: footer(document), width: geometry.columnWidth)
            settle(at: place, &out)
        } else {
            restore(place)
        }
    }

    /// The whole of a big article in place of its start: laid out for the window, the reader kept where
    /// they were and the search counted again on the whole.
    mutating func replaceStart(with whole: Document, footer: (Document) -> [FooterLine], _ out: inout Feedback) {
        let place = anchor ?? anchorPosition()
        document = whole
        if document.failure == nil { document.layout = document.layout.replacingFooter(footer(document)) }
        geometry = windowGeometry(width: geometry.width, height: geometry.height, pane: true)
        if document.layout.width != geometry.columnWidth {
            document.layout = ArticleLayout.make(
                document.article, footer: footer(document), width: geometry.columnWidth)
        }
        settle(at: place, &out)
    }

    /// Stands `loading` in for the article on screen while it or another is read: no search, at the top.
    /// `keepingPane`: the same article read again keeps the window as it is; another one goes without
    /// the outline pane until it is in.
    mutating func showLoading(keepingPane: Bool, _ loading: (_ columnWidth: Int) -> Document) {
        search = nil
        if !keepingPane {
            geometry = Geometry(width: geometry.width, height: geometry.height, wantsPane: false, layout: layout)
        }
        document = loading(geometry.columnWidth)
        setTop(0)
    }

    // MARK: Search

    /// What a forward search says when it finds its match only from the top, as less says it.
    static let wrappedForward = "search hit the end, continuing at the top"

    /// Searches the article for `query`. A long one is searched at once only from the block at the top
    /// for `searchWindow.windowLines`; the rest is counted behind the screen (`.countMatches`).
    /// `keepCurrent`: the number of the match to keep current (after a relayout); else the first one
    /// below the top. `revealing`: bring it into view (a search just typed).
    mutating func runSearch(_ query: String, keepCurrent: Int? = nil, revealing: Bool = false, _ out: inout Feedback) {
        let visited = search?.visited ?? true
        let total = lines.count
        if total <= searchWindow.wholeLines {
            let matches = SearchState.find(query, in: document.layout, keeping: &document.folded)
            var current = keepCurrent ?? 0
            if keepCurrent == nil, let firstBelow = matches.firstIndex(where: { $0.line >= top }) {
                current = firstBelow
            }
            search = SearchState(query: query, matches: matches, current: min(current, max(0, matches.count - 1)))
            search?.visited = keepCurrent == nil || visited
            if revealing, let s = search, !s.matches.isEmpty {
                // None below the top: the first match is above it, as the backward step says when it wraps.
                if keepCurrent == nil, s.matches[s.current].line < top { out.message = Self.wrappedForward }
                reveal(s.matches[s.current])
            }
            return
        }
        let here = min(top, total - 1)
        let starts = document.layout.blockStarts
        let origin = starts.indices.contains(lines[here].block) ? min(starts[lines[here].block], here) : here
        let end = SearchCount.blockEnd(lines, from: min(total, origin + searchWindow.windowLines), limit: total)
        let matches = SearchState.find(query, in: document.layout, lines: origin..<end)
        searchSerial += 1
        var counting = SearchCounting(
            id: searchSerial, origin: origin, scanned: end - origin, total: total, awaitingFirst: true,
            reveal: revealing, restore: keepCurrent)
        var s = SearchState(query: query, matches: matches, current: 0)
        if keepCurrent == nil, let firstBelow = matches.firstIndex(where: { $0.line >= top }) {
            s.current = firstBelow
            counting.awaitingFirst = false
        }
        s.visited = keepCurrent == nil || visited
        if counting.isFinished {
            if counting.awaitingFirst { s.current = min(keepCurrent ?? 0, max(0, matches.count - 1)) }
        } else {
            s.counting = counting
            out.effects.append(
                .countMatches(
                    SearchJob(
                        id: counting.id, query: query, layout: document.layout, start: end, origin: origin,
                        chunkLines: searchWindow.chunkLines)))
        }
        search = s
        if revealing, !s.awaitingFirst, !s.matches.isEmpty { reveal(s.matches[s.current]) }
    }

    /// The search on screen, run again on a new layout: the current match stays current.
    mutating func rerunSearch(_ out: inout Feedback) {
        guard let s = search else { return }
        if s.awaitingFirst {
            runSearch(s.query, revealing: s.counting?.reveal ?? false, &out)
        } else if let counting = s.counting, !counting.isFinished {
            // A count still going holds a part of the matches: its numbers mean nothing to the new
            // count. The match first below the top is where the reader is.
            runSearch(s.query, &out)
        } else {
            runSearch(s.query, keepCurrent: s.current, &out)
        }
    }

    /// A query typed in the `/` prompt (empty: the last one again, as in less).
    mutating func submitSearch(_ typed: String, keys: KeyMap, _ out: inout Feedback) {
        guard let query = typed.isEmpty ? queries.last : typed else {
            out.message = "No earlier search to repeat"
            return
        }
        if typed.isEmpty, let s = search, s.query == query { stepMatch(1, keys: keys, &out); return }
        if !typed.isEmpty { queries.removeAll { $0 == typed }; queries.append(typed) }
        // A regular expression that does not compile says why, rather than "No match".
        if let problem = SearchState.regexProblem(query) {
            out.message = problem
            return
        }
        runSearch(query, revealing: true, &out)
        if let s = search, s.matches.isEmpty, s.counting == nil { out.message = "No match for “\(query)”" }
    }

    /// Esc: the search goes (its count stops), and the status line says what n and N do now.
    mutating func clearSearch(keys: KeyMap, _ out: inout Feedback) {
        guard let s = search else { return }
        search = nil
        out.message =
            (s.counting != nil ? "Search stopped" : "Search cleared")
            + ": \(keys.label(.nextMatchOrFollowNext)) and \(keys.label(.followPrevious)) follow the chain"
    }

    /// A part of a count behind the screen: its matches go in article order; the first one found
    /// becomes current when none was, and the current one keeps its match as others come in before it.
    mutating func receive(_ chunk: SearchChunk, _ out: inout Feedback) {
        guard var s = search, var counting = s.counting, counting.id == chunk.id else { return }
        search = nil  // so that `s` holds the only reference to the matches, which then grow in place
        let firstNew = chunk.wrapped ? counting.insertAt : s.matches.count
        if chunk.wrapped {
            s.matches.insert(contentsOf: chunk.matches, at: counting.insertAt)
            if !counting.awaitingFirst && s.current >= counting.insertAt { s.current += chunk.matches.count }
            counting.insertAt += chunk.matches.count
        } else {
            s.matches.append(contentsOf: chunk.matches)
        }
        counting.scanned = chunk.scanned
        var revealed: SearchState.Match?
        if counting.awaitingFirst && counting.reveal && !chunk.matches.isEmpty {
            s.current = firstNew
            counting.awaitingFirst = false
            revealed = s.matches[firstNew]
            if chunk.wrapped { out.message = Self.wrappedForward }
        }
        if chunk.final {
            if counting.awaitingFirst {
                let firstBelow = s.matches.firstIndex { $0.line >= top } ?? 0
                s.current = min(counting.restore ?? firstBelow, max(0, s.matches.count - 1))
                if counting.reveal && !s.matches.isEmpty { revealed = s.matches[s.current] }
                if counting.reveal && s.matches.isEmpty { out.message = "No match for “\(s.query)”" }
            }
            s.counting = nil
            search = s
        } else {
            s.counting = counting
            search = s
        }
        if let revealed { reveal(revealed) }
    }

    /// Steps through the matches, wrapping round the article with a notice, as less does.
    mutating func stepMatch(_ delta: Int, keys: KeyMap, _ out: inout Feedback) {
        guard var s = search else { out.message = "No search: press / to search"; return }
        if let counting = s.counting, counting.awaitingFirst {
            out.message = "Still searching for “\(s.query)” (\(counting.percent)%) · \(keys.label(.escape)) stops"
            return
        }
        guard !s.matches.isEmpty else {
            out.message = "No match for “\(s.query)” in this article · \(keys.label(.escape)) clears"
            return
        }
        // A search carried into this article has not shown its first match yet: n shows it.
        let step = !s.visited && delta > 0 ? 0 : delta
        let next = s.current + step
        if let counting = s.counting, step != 0, !s.isKnownStep(from: s.current, by: step, counting) {
            out.message =
                "The next match is not found yet: counting (\(counting.percent)%) · \(keys.label(.escape)) stops"
            return
        }
        if next >= s.matches.count { out.message = Self.wrappedForward }
        if next < 0 { out.message = "search hit the top, continuing at the end" }
        s.current = (next + s.matches.count) % s.matches.count
        s.visited = true
        search = s
        reveal(s.matches[s.current])
    }

    /// On arrival from a collection search's hit: the first match of the search in or after the hit's
    /// place; where the words were found apart, a pattern finding any of them.
    mutating func land(_ landing: Landing, _ out: inout Feedback) {
        let block = ArticleLayout.block(of: landing.place, section: landing.section, in: document.article)
        let starts = document.layout.blockStarts
        let line = starts.indices.contains(block) ? starts[block] : 0
        if let s = search, s.counting != nil {
            // A long article is searched at once only near the screen: search again from the hit's place.
            setTop(line)
            runSearch(s.query, revealing: true, &out)
            return
        }
        if let fallback = landing.fallback, let s = search, s.matches.isEmpty, s.counting == nil {
            // The words were found apart: n walks each of them.
            runSearch(fallback, &out)
            if search?.counting != nil {
                setTop(line)
                runSearch(fallback, revealing: true, &out)
                return
            }
        }
        guard var s = search, !s.matches.isEmpty else {
            setTop(max(0, line - bodyHeight / 3))
            focus = line
            return
        }
        s.current = s.matches.firstIndex { $0.line >= line } ?? 0
        s.visited = true
        search = s
        reveal(s.matches[s.current])
    }
}
