import ArticleKit
import ReaderCore

/// `gazette dump`'s reading side: the files, read here (ReaderCore only lays out what it is given).
extension PlainTextDump {
    /// Streams one entry as `render` would print it, a few lines at a time, without
    /// holding the article: `write` gets the text in pieces (a line is its lead, its slice of the
    /// paragraph and a newline: no string is made for the line alone).
    public static func stream(_ library: ArticleLibrary, entry: Int, width: Int, write: (Substring) -> Void)
        throws(ArticleError)
    {
        // A page or a note is read whole, its blocks' kinds with it (lists, code, quotes…): what the
        // parser's events do not carry.
        if readsWhole(library, entry) {
            let article = try library.article(entry).get()
            let collection = library.collection
            write(render(article, links: collection.resolutions[entry], collection: collection, width: width)[...])
            write("\n")
            return
        }
        var builder = LayoutBuilder(width: width)
        var titleWidth = 0
        var titleDone = false
        var pending: [LayoutLine] = []
        func flush(final: Bool) {
            for line in pending {
                if line.kind == .title {
                    titleWidth = max(titleWidth, DisplayWidth.of(line.text))
                } else if !titleDone {
                    titleDone = true
                    write(Substring(String(repeating: "=", count: min(width, titleWidth)) + "\n"))
                }
                if !line.lead.isEmpty { write(line.lead[...]) }
                write(line.body)
                write("\n")
            }
            pending.removeAll(keepingCapacity: true)
        }
        // The title's underline follows its last line, so title lines wait for the next event.
        let links = try withoutActuallyEscaping({ (event: ArticleEvent) in
            builder.add(event)
            pending += builder.drain()
            if case .title = event { return }
            flush(final: false)
        }) { emit throws(ArticleError) in try library.stream(entry, emit) }
        let collection = library.collection
        builder.addFooter(
            footer(previous: links.previousTitle, next: links.nextTitle, links: collection.resolutions[entry]))
        pending += builder.drain()
        flush(final: true)
    }

    /// Whether an entry is a page or a note rather than plain text (which streams).
    static func readsWhole(_ library: ArticleLibrary, _ entry: Int) -> Bool {
        let source = library.collection.entries[entry].source
        if let dot = source.lastIndex(of: "."), !source[dot...].contains("/"),
            let known = FormatChooser.format(ofExtension: source[source.index(after: dot)...])
        {
            return known != .text
        }
        let head = (try? library.store.prefix(of: source, count: 4096).bytes) ?? []
        return FormatChooser.format(source: source, head: head) != .text
    }
}
