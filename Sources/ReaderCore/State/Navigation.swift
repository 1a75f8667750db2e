import ArticleKit

/// Navigation and loading: the history, where the reader is headed in the article being read, which
/// articles are being read whole, and what waits for the folder's index or for an article to come in.
/// These only mean something together: an arrival belongs to the article being read, the keys typed
/// meanwhile run on it once it is in, and the commands that need the whole folder run once it is indexed.
struct Navigation: Sendable {
    var backStack: [Position] = []
    var forwardStack: [Position] = []
    /// Where to put the reader in the article being read, once it arrives.
    var arrival: Position?
    /// Articles whose whole text has been asked for and not come back yet: asked once.
    var reading: Set<ArticleID> = []
    /// Keys typed while the article on screen is still being read: they run on it, in order, once it is in.
    var typeahead: [Key] = []
    /// Commands that need the whole folder, waiting for the index, in the order typed.
    var pending: [Command] = []
    /// A hit opened before the folder was indexed (only its first article was known): opened then.
    var pendingHit: (hit: SearchHit, results: ResultsState)?

    /// Keys and commands kept at most while they wait: a held key must not grow them without end.
    static let typeaheadLimit = 64
    static let pendingLimit = 16

    /// Leaving `here` for somewhere new: it goes on the back stack and what was ahead is dropped.
    mutating func leave(_ here: Position) {
        backStack.append(here)
        forwardStack.removeAll()
    }

    /// Back: the place before, with `here` put ahead of it. Nil when there is none.
    mutating func back(from here: Position) -> Position? {
        guard let previous = backStack.popLast() else { return nil }
        forwardStack.append(here)
        return previous
    }

    /// Forward: the place ahead, with `here` put behind it. Nil when there is none.
    mutating func forward(from here: Position) -> Position? {
        guard let next = forwardStack.popLast() else { return nil }
        backStack.append(here)
        return next
    }

    /// A key for an article not in yet: kept to run on it.
    mutating func holdKey(_ key: Key) {
        if typeahead.count < Self.typeaheadLimit { typeahead.append(key) }
    }

    /// A command that needs the whole folder: kept to run once it is indexed.
    mutating func hold(_ command: Command) {
        if pending.count < Self.pendingLimit { pending.append(command) }
    }

    /// The whole text of `article` is wanted: true the first time only (it is asked for once).
    mutating func startReading(_ article: ArticleID) -> Bool {
        reading.insert(article).inserted
    }
}
