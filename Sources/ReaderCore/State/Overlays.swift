import ArticleKit

/// What covers the article, if anything: one small state per overlay, each with its own reducer below
/// (as newsboat keeps one form action per screen). A reducer changes only its overlay's state and says
/// what the reader must do beyond it (jump, open, close) as an outcome; `ReaderState` routes a key to
/// the overlay open and carries the outcome out.
public enum Overlay: Sendable, Equatable {
    case none
    /// The outline, with the entry the selection is on; focused when keys move it.
    case outline(selection: Int)
    case list(ArticleListState)
    case help(scroll: Int)
    /// The marks of all articles, newest first.
    case marks(selection: Int)
    /// The articles read lately, newest first.
    case recent(selection: Int)
    /// The hits of a search of every article.
    case results(ResultsState)
}

// MARK: The outline

/// The outline overlay's reducer: its state is the selected section.
enum OutlineOverlay {
    enum Outcome: Equatable {
        /// The selection moves to this section; the outline stays.
        case select(Int)
        /// The outline closes and the reader goes to this section.
        case jump(toSection: Int)
        case close
        /// Digits typed so far pick section `number`, which a further digit could still make longer.
        case typed(number: Int)
        /// A note for the status line; the outline stays as it was.
        case say(String)
        case stay
    }

    /// A key in the outline, with `typed` the digits typed before it (a number being picked).
    static func take(_ key: Key, selection: Int, sections: Int, typed: Int?, keys: KeyMap) -> Outcome {
        switch keys.action(for: key, in: .outline) {
        case .down: return .select(min(sections - 1, selection + 1))
        case .up: return .select(max(0, selection - 1))
        case .top: return .select(0)
        case .bottom: return .select(max(0, sections - 1))
        case .open: return .jump(toSection: selection)
        case .close: return .close
        default:
            guard KeyContext.outline.typesText(key), case .character(let c) = key else { return .stay }
            return digit(c.wholeNumberValue ?? 0, typed: typed, sections: sections)
        }
    }

    /// Digits typed in the outline pick a section by number: the selection follows them, and the
    /// jump happens once no longer number could be meant (with 12 sections, "1" waits, "12" jumps).
    static func digit(_ digit: Int, typed: Int?, sections: Int) -> Outcome {
        var number = (typed ?? 0) * 10 + digit
        if number > sections || number == 0 { number = digit }  // starts again rather than going nowhere
        guard number >= 1, number <= sections else {
            return .say("There is no section \(number) (this article has \(sections))")
        }
        return number * 10 > sections ? .jump(toSection: number - 1) : .typed(number: number)
    }

    /// A notch of the wheel: the selection moves one section.
    static func wheel(_ direction: Int, selection: Int, sections: Int) -> Int {
        min(max(0, selection + direction), max(0, sections - 1))
    }
}

// MARK: The help

/// The help overlay's reducer: its state is how far it is scrolled, bounded by its rows (`HelpPage`).
enum HelpOverlay {
    /// The scroll after `action`; nil when the key closes the help (any key not its own does).
    static func take(_ action: Action?, scroll: Int, rows: Int, bodyHeight: Int) -> Int? {
        // Stops at the last screenful, so k scrolls back at once.
        let last = max(0, rows - bodyHeight)
        let page = max(1, bodyHeight - 1)
        switch action {
        case .down: return min(last, scroll + 1)
        case .up: return max(0, scroll - 1)
        case .pageDown: return min(last, scroll + page)
        case .pageUp: return max(0, scroll - page)
        default: return nil
        }
    }
}

// MARK: The pickers (bookmarks, recently read)

/// The reducer of an overlay that picks one of `count` rows (the bookmarks, the recently read): its
/// state is the selected row.
enum Picker {
    enum Outcome: Equatable {
        case select(Int)
        /// Enter on a row: the overlay closes and the row is opened.
        case open(Int)
        case close
        /// Enter with no row to open: nothing changes.
        case stay
    }

    static func take(_ action: Action?, selection: Int, count: Int) -> Outcome {
        switch action {
        case .down: return .select(min(count - 1, selection + 1))
        case .up: return .select(max(0, selection - 1))
        case .top: return .select(0)
        case .bottom: return .select(max(0, count - 1))
        case .open: return (0..<count).contains(selection) ? .open(selection) : .stay
        default: return .close
        }
    }

    static func wheel(_ direction: Int, selection: Int, count: Int) -> Int {
        min(max(0, selection + direction), max(0, count - 1))
    }
}

// MARK: The results of a collection search

/// The results overlay: the query, the hits so far, the selected one.
public struct ResultsState: Sendable, Equatable {
    public var query: SearchQuery
    public var typed: String
    public var hits: [SearchHit] = []
    public var selection = 0
    public var generation: Int
    /// False until an answer came (the list says "searching…").
    public var answered = false
    /// Whether the index was complete when these hits were found.
    public var complete = false
    /// Progress of the index when the query was last asked, to ask again as it grows.
    var askedAt = 0

    enum Outcome: Equatable {
        case stay
        /// Open this hit's article at its match.
        case open(SearchHit)
        /// Close and open the collection prompt for another query.
        case searchAgain
        case close
    }

    /// What an action does in the results; the mouse opens a hit through here too.
    mutating func take(_ action: Action, page: Int) -> Outcome {
        let last = max(0, hits.count - 1)
        switch action {
        case .down: selection = min(last, selection + 1)
        case .up: selection = max(0, selection - 1)
        case .pageDown: selection = min(last, selection + max(1, page))
        case .pageUp: selection = max(0, selection - max(1, page))
        case .top: selection = 0
        case .bottom: selection = last
        case .open: return hits.indices.contains(selection) ? .open(hits[selection]) : .stay
        case .search: return .searchAgain
        case .close: return .close
        default: break
        }
        return .stay
    }

    /// The hits of an answer to this query: the selection stays on its hit as better ones stream in above it.
    mutating func take(_ answer: CollectionResults) {
        let selected = hits.indices.contains(selection) ? hits[selection].path : nil
        hits = answer.hits
        selection = selected.flatMap { p in answer.hits.firstIndex { $0.path == p } } ?? 0
        answered = true
        complete = answer.complete
    }

    mutating func wheel(_ direction: Int) {
        selection = min(max(0, selection + direction), max(0, hits.count - 1))
    }
}

// MARK: The article list

/// The article list: a filter typed by the person and the matching entries. Keys move the
/// selection (j, k, q as in newsboat and mutt) until `/` starts the filter: then characters type
/// into it (`typing`), and Enter or Esc give the keys back to the list.
public struct ArticleListState: Sendable, Equatable {
    public var filter: String = ""
    /// Characters go to the filter (after `/`), read in the `filter` context.
    public var typing = false
    /// The filter as it was when `/` was pressed: Esc goes back to it.
    var filterBefore = ""
    /// Entry numbers in the reader's current collection: rebuilt when the collection changes.
    public var matches: [Int]
    public var selection: Int
    /// Where the article on screen is among `matches`, if it matches.
    public var marked: Int?
    /// Only the articles not read yet (Tab toggles).
    public var unreadOnly = false
    /// Entries whose text (not title) holds the filter's words, from the index, listed under `matches`.
    /// By identity, not entry number: the entries are numbered again when the folder's index comes in.
    public var bodyMatches: [ArticleID] = []
    /// The index query that `bodyMatches` waits for.
    var bodyGeneration: Int?

    /// Rows: the title matches, then the text matches.
    public var rowCount: Int { matches.count + bodyMatches.count }

    public func entry(atRow row: Int, in collection: ArticleCollection) -> Int? {
        if matches.indices.contains(row) { return matches[row] }
        let body = row - matches.count
        return bodyMatches.indices.contains(body) ? collection.index(of: bodyMatches[body]) : nil
    }

    /// What the list asks of the reader after a key: what needs the folder is done there.
    enum Outcome: Equatable {
        case stay
        case close
        /// Close and open the entry on this row.
        case open(row: Int)
        /// The filter is now this text: the list follows it (and asks the index for the texts).
        case filter(String)
        /// Only the unread, or all again: filtered anew (and the index asked again).
        case unreadToggled
        /// The filter and the unread-only switch go: the whole list again.
        case clear
    }

    /// A key in the list: an action of the list's, or, after `/`, typed into its filter.
    mutating func take(_ key: Key, keys: KeyMap, page: Int) -> Outcome {
        if typing { return type(key, keys: keys, page: page) }
        guard let action = keys.action(for: key, in: .list) else { return .stay }
        return take(action, page: page)
    }

    /// What an action does in the article list; the mouse opens an entry through here too.
    mutating func take(_ action: Action, page: Int) -> Outcome {
        let last = rowCount - 1
        switch action {
        case .down: selection = max(0, min(last, selection + 1))
        case .up: selection = max(0, selection - 1)
        case .pageDown: selection = max(0, min(last, selection + page))
        case .pageUp: selection = max(0, selection - page)
        case .top: selection = 0
        case .bottom: selection = max(0, last)
        case .open: return .open(row: selection)
        case .filter:
            typing = true
            filterBefore = filter
        case .unreadOnly:
            unreadOnly.toggle()
            return .unreadToggled
        case .clearOrClose:
            return filter.isEmpty ? .close : .clear
        case .deleteChar:
            guard !filter.isEmpty else { break }
            return .filter(String(filter.dropLast()))
        case .close:
            return .close
        default:
            break
        }
        selection = max(0, selection)
        return .stay
    }

    /// A key while the filter is typed: characters narrow the list as they come, Enter keeps
    /// the filter, Esc goes back to the one there was before `/`; either gives the keys back.
    mutating func type(_ key: Key, keys: KeyMap, page: Int) -> Outcome {
        let action = keys.action(for: key, in: .filter)
        switch action {
        case .submit:
            typing = false
        case .cancel:
            typing = false
            if filter != filterBefore { return .filter(filterBefore) }
        case .deleteBack:
            if filter.isEmpty { typing = false } else { return .filter(String(filter.dropLast())) }
        case .deleteWord:
            var text = Substring(filter)
            while text.last == " " { text.removeLast() }
            while let last = text.last, last != " " { text.removeLast() }
            return .filter(String(text))
        case .deleteToStart:
            return .filter("")
        case .down?, .up?:
            return take(action!, page: page)
        default:
            guard case .character(let c) = key else { return .stay }
            return .filter(filter + String(c))
        }
        return .stay
    }

    /// Every word of the filter must occur in the title (or, in a nested archive, the article's
    /// folder), in any case. A longer filter only narrows, so it searches the previous matches
    /// (`narrowing`) rather than `pool`, the whole list. `here`: the article on screen's entry.
    mutating func refilter(
        narrowing: Bool, pool: @autoclosure () -> [Int], entries: ArticleCollection.Entries,
        keys: @autoclosure () -> TitleFilterKeys, journal: Journal, here: Int?
    ) {
        // Folded as `/` folds: accents, quotes and dashes never count, case only when the filter has
        // a capital (which still only narrows).
        var fold = TextFold(for: filter)
        let words = filter.split(separator: " ").map { fold.fold(String($0)) }.filter { !$0.isEmpty }
        let candidates = narrowing ? matches : pool()
        // First pass on the titles the collection folded once (a key must not fold every title again);
        // only the titles it keeps are folded and matched exactly below.
        let keys = keys()
        let plain = filter.split(separator: " ").map { TitleFilterKeys.fold(String($0)) }.filter { !$0.isEmpty }
        let inFolders = keys.folderMatches(plain)
        matches = candidates.filter { i in
            // Most titles fold with no cluster kept whole: there the bytes are the answer.
            let inTitle = plain.allSatisfy { keys.mayContain(i, $0) }
            if inTitle && !fold.keepsCase && keys.isExact(i) { return true }
            let possible =
                inTitle
                || plain.indices.allSatisfy { w in
                    keys.mayContain(i, plain[w]) || keys.folderMayContain(i, word: w, in: inFolders)
                }
            guard possible else { return false }
            let title = fold.fold(entries.title(i))
            if words.allSatisfy({ title.contains($0) }) { return true }
            // In a nested archive a word may name the folder instead ("2026/03 council").
            let folder = entries.folder(i)
            guard !folder.isEmpty else { return false }
            let place = fold.fold(folder)
            return words.allSatisfy { title.contains($0) || place.contains($0) }
        }
        if unreadOnly { matches.removeAll { journal.isRead(entries.id($0)) } }
        marked = here.flatMap(matches.firstIndex(of:))
        selection = marked ?? 0
    }

    /// The index's answer: the articles whose text holds the filter, not those the titles matched
    /// already, and only those the list holds (`pool`, a shortlist).
    mutating func take(
        bodies answer: CollectionResults, entries: ArticleCollection.Entries, pool: Set<ArticleID>?, journal: Journal
    ) {
        let titled = Set(matches.map { entries.id($0) })
        bodyMatches = answer.hits.map { ArticleID(key: $0.path) }.filter { id in
            !titled.contains(id) && (pool?.contains(id) ?? true) && !(unreadOnly && journal.isRead(id))
        }
        selection = max(0, min(selection, rowCount - 1))
    }

    mutating func wheel(_ direction: Int, lines: Int) {
        selection = min(max(0, selection + direction * lines), max(0, rowCount - 1))
    }
}
