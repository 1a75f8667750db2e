import ArticleKit

/// The parts of the screen that show reading state: the article list's read marks, the
/// bookmarks and the recently-read overlays.
extension Renderer {
    /// A row of the article list: "•" before an unread title, the progress after a started one.
    static func listRow(_ state: ReaderState, _ entry: ArticleCollection.Entry) -> String {
        guard state.recordsChanges else { return entry.links.title }
        let note = state.readingNote(entry.id)
        // Plain mode says it in words: no bullet for a screen reader to spell out.
        if state.options.plain { return entry.links.title + " (\(note))" }
        if state.journal.isRead(entry.id) { return "  " + entry.links.title }
        return "• " + entry.links.title + (note == "unread" ? "" : "  (\(note))")
    }

    static func marksOverlay(_ state: ReaderState, _ selection: Int, _ screen: inout Screen) {
        let marks = state.journal.marks
        listOverlay(
            state, header: "Bookmarks (\(marks.count)), newest first — Enter opens, Esc closes",
            count: marks.count,
            row: { i in
                let m = marks[i]
                let place =
                    m.position.place.map { p in
                        (p.heading.map { "§ \($0): " } ?? "") + p.snippet
                    } ?? ""
                return "\(m.letter)  \(m.title) — \(place)"
            }, marked: nil, selection: selection, target: { .listRow($0) }, &screen)
    }

    static func recentOverlay(_ state: ReaderState, _ selection: Int, _ screen: inout Screen) {
        let recent = state.recentlyRead
        let collection = state.collection
        listOverlay(
            state, header: "Recently read — Enter opens, Esc closes", count: recent.count,
            row: { i in
                let title = collection.index(of: recent[i]).map { collection.entries[$0].links.title } ?? recent[i].key
                return title + "  (\(state.readingNote(recent[i])))"
            }, marked: recent.firstIndex(of: state.document.id), selection: selection, target: { .listRow($0) },
            &screen)
    }
}
