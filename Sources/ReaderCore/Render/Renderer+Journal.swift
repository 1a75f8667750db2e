import ArticleKit

/// The parts of the screen that show reading state: the article list's read marks, the
/// bookmarks and the recently-read overlays.
extension Renderer {
    /// A row of the article list: "•" before an unread title (plain mode says it in words, in the note).
    static func listRow(_ state: ReaderState, _ entry: ArticleCollection.Entry) -> String {
        guard state.recordsChanges, !state.options.plain else { return entry.links.title }
        return (state.journal.isRead(entry.id) ? "  " : "• ") + entry.links.title
    }

    /// What ends a row of the article list: how far a started article was read, "(read)" or "(unread)" in
    /// plain mode. It stands at the row's end, so a long title never pushes it off.
    static func listNote(_ state: ReaderState, _ entry: ArticleCollection.Entry) -> String {
        guard state.recordsChanges else { return "" }
        let note = state.readingNote(entry.id)
        // Plain mode says it in words: no bullet for a screen reader to spell out.
        if state.options.plain { return "(\(note))" }
        if state.journal.isRead(entry.id) || note == "unread" { return "" }
        return "(\(note))"
    }

    /// What ends a row of the article list: the reading note, and in a nested archive the article's
    /// folder (relative to the folder named), rightmost so the folders stand in one column. A flat
    /// folder's rows are as they were.
    static func listTrailer(_ state: ReaderState, _ entry: ArticleCollection.Entry) -> String {
        let note = listNote(state, entry)
        guard !entry.folder.isEmpty else { return note }
        let folder = shown(entry.folder)
        return note.isEmpty ? folder : note + "  " + folder
    }

    /// Bookmarks say where they are: the letter, the article, the section and the words there, and the
    /// file's name at the row's end.
    static func marksOverlay(_ state: ReaderState, _ selection: Int, _ screen: inout Screen) {
        let marks = state.journal.marks
        let g = state.geometry
        let width = g.pane == nil ? g.columnWidth : g.width - g.columnX - 1
        listOverlay(
            state, header: "Bookmarks (\(marks.count)), newest first — Enter opens, Esc closes",
            count: marks.count,
            row: { i in
                let m = marks[i]
                guard let p = m.position.place else { return "\(m.letter)  \(m.title)" }
                // The marker, the letter and the file's name come first; the place keeps three quarters of the rest.
                let file = shownTrailer(fileLabel(state, m.position.article.key), width)
                let room = width - 5 - (file.isEmpty ? 0 : DisplayWidth.of(file) + 2)
                let place = titleAndSection(m.title, p.heading ?? "Beginning", width: max(12, room * 3 / 4))
                return "\(m.letter)  \(place) — \(p.snippet)"
            }, marked: nil, selection: selection, target: { .listRow($0) },
            trailer: { fileLabel(state, marks[$0].position.article.key) }, &screen)
    }

    static func recentOverlay(_ state: ReaderState, _ selection: Int, _ screen: inout Screen) {
        let recent = state.recentlyRead
        let collection = state.collection
        listOverlay(
            state, header: "Recently read — Enter opens, Esc closes", count: recent.count,
            row: { i in
                collection.index(of: recent[i]).map { collection.entries[$0].links.title } ?? recent[i].key
            }, marked: recent.firstIndex(of: state.document.id), selection: selection, target: { .listRow($0) },
            trailer: { "(\(state.readingNote(recent[$0])))" }, &screen)
    }
}
