import ArticleKit

/// `=`, `R` and `v`: where the reader is, reading the file again, and what the editor is pointed at.
extension ReaderState {
    /// One status line, as less's `=`: file, size, lines, place in the article and the chain, last change;
    /// a page's author, date and address when it has them.
    var whereAmI: String {
        var parts = [document.file?.path ?? document.article.source]
        if let file = document.file { parts.append(Self.size(file.size)) }
        let total = lines.count
        let last = min(total, top + bodyHeight)
        let percent = total == 0 || top >= maxTop ? 100 : last * 100 / total
        parts.append("lines \(total == 0 ? 0 : top + 1)–\(last) of \(total) (\(percent)%)")
        let sections = document.article.sections.count
        parts.append("§ \(min(currentSection + 1, sections))/\(sections)")
        if let chain = chainLabel { parts.append(chain) }
        if let file = document.file { parts.append("changed " + Self.utc(file.modified)) }
        // What a page says of itself: who wrote it, when, where it lives.
        let meta = document.article.meta
        if let author = meta.author, !author.isEmpty {
            parts.append(author.lowercased().hasPrefix("by ") ? author : "by " + author)
        }
        if let date = meta.date, !date.isEmpty { parts.append(date) }
        if let url = meta.url, !url.isEmpty { parts.append(url) }
        return parts.joined(separator: " · ")
    }

    /// The start of the text the reader is on, for finding its line in the file.
    var focusText: String { view.focusText }

    /// Reads the article on screen again: after the editor, on `R`, or when its file changed.
    /// The place is kept by its text (`TextPlace`), as reopening keeps it: the text may have
    /// changed above the screen, so the same line number can hold other words.
    mutating func reload() {
        guard !isLoading else { return }
        let here = currentPosition
        // The search is given back by `arrive` from the position, on the text as read now.
        let collection = folder.collection
        view.showLoading(keepingPane: true) { Document.loading(here.article, in: collection, width: $0) }
        overlay = .none
        navigation.arrival = Self.byText(here)
        navigation.reading.remove(here.article)
        out.effects.append(.load(request(here.article)))
        out.message = "Read again from the file"
    }

    /// `position` to be found again by its text: its line is forgotten, so `arrive` looks the place up.
    static func byText(_ position: Position) -> Position {
        guard let place = position.place else { return position }
        var found = Position(article: position.article, place: place)
        found.progress = position.progress
        found.search = position.search
        found.landing = position.landing
        found.results = position.results
        return found
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) bytes" }
        let kilo = Double(bytes) / 1000
        if kilo < 1000 { return String(Int(kilo.rounded())) + " kB" }
        return String(Int((kilo / 1000).rounded())) + " MB"
    }

    /// A time as "2026-12-01 09:05 UTC", without Foundation's formatters (the core stays small).
    static func utc(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondOfDay = total - days * 86_400
        // Howard Hinnant's days-to-civil.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)) UTC"
    }
}
