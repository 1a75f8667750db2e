import ArticleKit

/// What one sitting knows beyond the screen: whether the end of the article on screen
/// has been seen, a mark command waiting for its letter, where a jump to a mark left from.
struct Sitting: Sendable, Equatable {
    enum Awaiting: Sendable, Equatable { case setMark, jumpToMark }
    /// The article the rest describes.
    var article: ArticleID?
    var endSeen = false
    var awaiting: Awaiting?
    /// Where `'` + letter jumped from, for `''`.
    var jumpedFrom: Position?
    /// A saved place beyond the start of a big article: taken once the whole is read.
    var placeAfterWhole: TextPlace?
    /// Read or unread as set in this sitting, which a journal arriving late must not undo.
    var touched: [ArticleID: Bool] = [:]
}

/// What the reader remembers: the journal of past sittings as this one changes it, whether a store
/// keeps the changes, and this sitting's own notes.
struct ReadingMemory: Sendable {
    /// Read state, progress, marks and history of past sittings (empty without a store).
    var journal = Journal()
    /// True when a store keeps what changes: the core then asks for it with `.record`.
    var recordsChanges = false
    /// This sitting's reading of the article on screen, marks typed half-way, jumps.
    var sitting = Sitting()
}

extension ReaderState {
    /// Past sittings' state arrives: what this sitting already changed wins.
    mutating func install(journal incoming: Journal) {
        var merged = incoming
        for (article, read) in memory.sitting.touched {
            if read { merged.read.insert(article) } else { merged.read.remove(article) }
        }
        for (article, place) in memory.journal.places { merged.places[article] = place }
        for (article, percent) in memory.journal.progress {
            merged.progress[article] = max(percent, merged.progress[article] ?? 0)
        }
        merged.marks =
            memory.journal.marks
            + incoming.marks.filter { old in
                !memory.journal.marks.contains { new in
                    new.letter == old.letter && (new.isGlobal || new.position.article == old.position.article)
                }
            }
        merged.recent = Array(
            (memory.journal.recent + incoming.recent.filter { !memory.journal.recent.contains($0) })
                .prefix(Journal.recentLimit))
        memory.journal = merged
        takeHistoryFromJournal()
    }

    /// Past history becomes this sitting's when nothing has been visited yet and the index
    /// can say which of its articles are still in the folder.
    mutating func takeHistoryFromJournal() {
        guard !indexing, navigation.backStack.isEmpty, navigation.forwardStack.isEmpty else { return }
        let here = collection
        navigation.backStack = memory.journal.back.filter { here.contains($0.article) && $0.article != document.id }
        navigation.forwardStack = memory.journal.forward.filter {
            here.contains($0.article) && $0.article != document.id
        }
        memory.journal.back = []
        memory.journal.forward = []
    }

    /// After every event: a newly shown article is recorded as opened, its progress kept,
    /// and it is read once its end has been on screen.
    mutating func observeReading() {
        guard !isLoading, document.failure == nil else { return }
        let id = document.id
        if memory.sitting.article != id {
            memory.sitting.article = id
            memory.sitting.endSeen = false
            memory.journal.recent.removeAll { $0 == id }
            memory.journal.recent.insert(id, at: 0)
            if memory.journal.recent.count > Journal.recentLimit { memory.journal.recent.removeLast() }
            record(.opened(id, title: document.article.title))
        }
        guard document.isComplete, !lines.isEmpty else { return }
        let textEnd = document.layout.footerStart ?? lines.count
        let seen = min(textEnd, top + bodyHeight)
        let percent = textEnd == 0 ? 100 : min(100, seen * 100 / textEnd)
        if percent > memory.journal.progress[id] ?? -1 { memory.journal.progress[id] = percent }
        let endOnScreen = seen >= textEnd
        if endOnScreen && !memory.sitting.endSeen && !memory.journal.isRead(id) { setRead([id], true) }
        memory.sitting.endSeen = memory.sitting.endSeen || endOnScreen
    }

    /// A note for the first screen's status line, from outside the reader (a store's notice).
    public mutating func announce(_ text: String) {
        out.message = text
    }

    /// Asks for a change to be kept, when a store keeps them.
    mutating func record(_ change: StateChange) {
        if memory.recordsChanges { out.effects.append(.record(change)) }
    }

    mutating func setRead(_ articles: [ArticleID], _ read: Bool) {
        for article in articles {
            if read { memory.journal.read.insert(article) } else { memory.journal.read.remove(article) }
            memory.sitting.touched[article] = read
        }
        record(.read(articles, read))
    }

    mutating func applyJournal(_ command: Command) {
        switch command {
        case .toggleRead:
            let read = !memory.journal.isRead(document.id)
            setRead([document.id], read)
            out.message = read ? "Marked read" : "Marked unread"
        case .markChainRead:
            guard let entry = entryIndex, chains.position.indices.contains(entry) else {
                out.message = "This article is not in the folder's chains"
                return
            }
            let entries = chains.chains[chains.position[entry].chain].entries
            setRead(entries.map { collection.entries.id($0) }, true)
            out.message = "Marked the \(entries.count) article\(entries.count == 1 ? "" : "s") of this chain read"
        case .nextUnread:
            if let next = nextUnread() { open(next) } else { out.message = "No unread article left in this folder" }
        case .setMark:
            memory.sitting.awaiting = .setMark
            out.message = "Set mark: type a letter (a–z here, A–Z across articles)"
        case .jumpToMark:
            memory.sitting.awaiting = .jumpToMark
            out.message = "Go to mark: type its letter, or ' for where you jumped from"
        case .bookmarks:
            if memory.journal.marks.isEmpty {
                out.message = "No marks yet: m and a letter sets one"
            } else {
                overlay = .marks(selection: 0)
            }
        case .recentlyRead:
            if recentlyRead.isEmpty {
                out.message = "Nothing read lately in this folder"
            } else {
                overlay = .recent(selection: 0)
            }
        default:
            break
        }
    }

    /// The first unread article after this one in its chain, then in the folder (wrapping).
    func nextUnread() -> ArticleID? {
        let entries = collection.entries
        guard !entries.isEmpty else { return nil }
        let here = entryIndex ?? -1
        func unread(_ entry: Int) -> Bool { entry != here && !memory.journal.isRead(entries.id(entry)) }
        if here >= 0, chains.position.indices.contains(here) {
            let p = chains.position[here]
            let rest = chains.chains[p.chain].entries.dropFirst(p.offset + 1)
            if let e = rest.first(where: unread) { return entries.id(e) }
        }
        let found =
            (max(0, here + 1)..<entries.count).first(where: unread)
            ?? (0..<max(0, here)).first(where: unread)
        return found.map { entries.id($0) }
    }

    /// The letter after `m` or `'`.
    mutating func markKey(_ key: Key, _ awaiting: Sitting.Awaiting) {
        memory.sitting.awaiting = nil
        guard case .character(let letter) = key else { return }
        switch awaiting {
        case .setMark:
            guard letter.isASCII, letter.isLetter else { out.message = "Marks are letters: a–z or A–Z"; return }
            let mark = Mark(letter: letter, position: currentPosition, title: document.article.title)
            let here = view.document.id
            memory.journal.marks.removeAll { $0.letter == letter && ($0.isGlobal || $0.position.article == here) }
            memory.journal.marks.insert(mark, at: 0)
            record(.mark(mark))
            out.message = "Mark \(letter) set"
        case .jumpToMark:
            if letter == "'" {
                guard let back = memory.sitting.jumpedFrom else { out.message = "No jump to go back from"; return }
                jump(to: back)
                return
            }
            guard let mark = memory.journal.mark(letter, in: document.id) else {
                out.message = "No mark \(letter)"; return
            }
            jump(to: mark.position)
        }
    }

    /// Goes to a saved position, in this article or another, remembering where from.
    mutating func jump(to position: Position) {
        let from = currentPosition
        if position.article == document.id {
            if position.width == document.layout.width {
                view.setTop(position.line)
            } else if let place = position.place, let line = document.line(for: place) {
                view.setTop(line)
            }
        } else {
            guard collection.contains(position.article) else {
                out.message = "That mark is in \(position.article), which is not in this collection"
                return
            }
            navigation.leave(from)
            show(position)
        }
        memory.sitting.jumpedFrom = from
    }

    /// Puts the reader at a saved place in the article just read.
    mutating func arrive(at place: TextPlace) {
        let found = document.line(inBlock: place.block, offset: place.offset)
        if document.extent == .start && found == nil {
            memory.sitting.placeAfterWhole = place  // beyond what is read so far
        }
        view.setTop(document.line(for: place) ?? 0)
    }

    mutating func placeAfterWholeRead() {
        guard let place = memory.sitting.placeAfterWhole else { return }
        memory.sitting.placeAfterWhole = nil
        if let line = document.line(for: place) { view.setTop(line) }
    }

    /// The recent articles that are in this collection.
    public var recentlyRead: [ArticleID] {
        memory.journal.recent.filter { collection.contains($0) }
    }

    /// How the article list and title bar show an article: read, or how far it was read.
    public func readingNote(_ article: ArticleID) -> String {
        if memory.journal.isRead(article) { return "read" }
        // "read" after the figure: the status line's percentage is where the screen is, this is
        // how far the article has been read, and the two stand on one screen.
        if let percent = memory.journal.progress[article], percent > 0 { return "\(percent)% read" }
        return "unread"
    }

    /// A key in the bookmarks: Enter goes to the mark's place.
    mutating func marksKey(_ key: Key, _ selection: Int) {
        marksAction(keyMap.action(for: key, in: .picker), selection)
    }

    mutating func marksAction(_ action: Action?, _ selection: Int) {
        let marks = memory.journal.marks
        switch Picker.take(action, selection: selection, count: marks.count) {
        case .select(let row): overlay = .marks(selection: row)
        case .open(let row):
            overlay = .none
            jump(to: marks[row].position)
        case .close: overlay = .none
        case .stay: break
        }
    }

    /// A key in the recently read: Enter opens the article.
    mutating func recentKey(_ key: Key, _ selection: Int) {
        recentAction(keyMap.action(for: key, in: .picker), selection)
    }

    mutating func recentAction(_ action: Action?, _ selection: Int) {
        let recent = recentlyRead
        switch Picker.take(action, selection: selection, count: recent.count) {
        case .select(let row): overlay = .recent(selection: row)
        case .open(let row):
            overlay = .none
            if recent[row] != document.id { open(recent[row]) }
        case .close: overlay = .none
        case .stay: break
        }
    }
}
