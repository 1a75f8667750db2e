import ArticleKit

/// The results of a search of every article: one row per article, `Title › Section — snippet`,
/// the query's words highlighted in the snippet.
extension Renderer {
    static func resultsOverlay(_ state: ReaderState, _ results: ResultsState, _ screen: inout Screen) {
        let g = state.geometry
        let header: String
        if !results.answered {
            header = "Searching every article for “\(results.typed)”…"
        } else if results.hits.isEmpty {
            header = "No article holds “\(results.typed)”" + (results.complete ? "" : " yet (still indexing)")
        } else {
            let more =
                results.hits.count >= ReaderState.resultsLimit
                ? "the best \(results.hits.count)" : "\(results.hits.count)"
            header =
                "“\(results.typed)”: \(more) article\(results.hits.count == 1 ? "" : "s")"
                + (results.complete ? "" : " so far (indexing)")
                + " — \(state.keyMap.label(.open, in: .results)) opens, \(state.keyMap.label(.close, in: .results)) closes"
        }
        let x = g.columnX
        let width = g.pane == nil ? g.columnWidth : g.width - x - 1
        // The marker's two columns come first; the file's name ends the row (`withTrailer`).
        func room(_ i: Int) -> Int {
            let file = shownTrailer(fileLabel(state, results.hits[i].path), width)
            return max(10, width - 2 - (file.isEmpty ? 0 : DisplayWidth.of(file) + 2))
        }
        let drawn = listOverlay(
            state, header: header, count: results.hits.count,
            row: { resultLabel(results.hits[$0], width: room($0)).text },
            marked: nil, selection: results.selection, target: { .listRow($0) },
            trailer: { fileLabel(state, results.hits[$0].path) }, &screen)
        // The query's words, highlighted where the rows show them.
        for (row, i) in drawn.entries.enumerated() {
            let label = resultLabel(results.hits[i], width: room(i))
            let y = drawn.firstRow + row
            let style: Style = i == results.selection ? .currentMatch : .match
            // Where the row's text starts: after the marker, or plain mode's number.
            let lead = x + (state.options.plain ? DisplayWidth.of("\(i + 1). ") : 2)
            for range in label.matches {
                let from = lead + DisplayWidth.of(label.text.utf8Prefix(range.lowerBound))
                let to = lead + DisplayWidth.of(label.text.utf8Prefix(range.upperBound))
                screen.restyle(row: y, from: from, to: min(to, x + width), style: style)
            }
        }
    }

    /// One row's text, `width` columns at most, and where its matches are in it (UTF-8 offsets).
    /// The title and section give way to the snippet: it keeps at least half the row.
    static func resultLabel(_ hit: SearchHit, width: Int) -> (text: String, matches: [Range<Int>]) {
        guard let snippet = hit.snippet, let first = snippet.matches.first else {
            return (titleAndSection(hit.title, hit.heading, width: width), [])
        }
        let lead = titleAndSection(hit.title, hit.heading, width: max(8, width / 2)) + " — "
        let room = max(10, width - DisplayWidth.of(lead))
        let window = SnippetCutter.window(snippet.text, around: first, width: room)
        let shift = lead.utf8.count + window.lead - window.range.lowerBound
        let matches = snippet.matches.filter {
            $0.lowerBound >= window.range.lowerBound && $0.upperBound <= window.range.upperBound
        }.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
        // Cut to the row as the list will cut it; a match is highlighted only where it is still shown whole.
        let text = fit(lead + window.text, width)
        let kept = text.hasSuffix("…") ? text.utf8.count - "…".utf8.count : text.utf8.count
        return (text, matches.filter { $0.upperBound <= kept })
    }

    /// "Title › Section" in `width` columns: a long title gives way first, so the section (up to half
    /// the room) still says where the entry is.
    static func titleAndSection(_ title: String, _ heading: String?, width: Int) -> String {
        guard let heading else { return fit(title, width) }
        if DisplayWidth.of(title) + 3 + DisplayWidth.of(heading) <= width { return title + " › " + heading }
        let section = fit(heading, max(6, min(DisplayWidth.of(heading), width / 2)))
        let room = width - 3 - DisplayWidth.of(section)
        guard room >= 6 else { return fit(title + " › " + heading, width) }
        return fit(title, room) + " › " + section
    }

    /// 41230 → "41,230", as progress reads in the status line.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}

extension String {
    /// The text before a UTF-8 offset (at a scalar boundary).
    fileprivate func utf8Prefix(_ offset: Int) -> Substring {
        let u = utf8
        let end = u.index(u.startIndex, offsetBy: min(offset, u.count))
        return self[..<end]
    }
}
