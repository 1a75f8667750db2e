import ArticleKit

/// What the reader remembers of past sittings: which articles are read, how far each
/// was read, the marks, the history and what was read lately. Loaded by a store in the
/// background (`ReaderEvent.journal`) and kept up to date by the core as you read; the
/// core asks for each change to be kept with `Effect.record`.
public struct Journal: Sendable, Equatable {
    public var read: Set<ArticleID>
    /// How far each article was read, in percent of its text: the furthest point seen.
    public var progress: [ArticleID: Int]
    /// Where each article was left: opening it again goes there.
    public var places: [ArticleID: TextPlace]
    /// Every mark, the newest first.
    public var marks: [Mark]
    /// Articles opened lately, the newest first, each once.
    public var recent: [ArticleID]
    /// The history as it was when the reader last quit.
    public var back: [Position]
    public var forward: [Position]

    public init(
        read: Set<ArticleID> = [], progress: [ArticleID: Int] = [:], places: [ArticleID: TextPlace] = [:],
        marks: [Mark] = [], recent: [ArticleID] = [], back: [Position] = [], forward: [Position] = []
    ) {
        self.read = read
        self.progress = progress
        self.places = places
        self.marks = marks
        self.recent = recent
        self.back = back
        self.forward = forward
    }

    public static let recentLimit = 50
    public static let historyLimit = 100

    public func isRead(_ article: ArticleID) -> Bool { read.contains(article) }

    /// The mark `letter` as `'` finds it: a lower-case one in `article` only (as in vim),
    /// an upper-case one in any article.
    public func mark(_ letter: Character, in article: ArticleID) -> Mark? {
        marks.first { $0.letter == letter && ($0.isGlobal || $0.position.article == article) }
    }
}

/// A place kept under a letter: `m` + letter sets it, `'` + letter goes back to it.
public struct Mark: Sendable, Equatable {
    public var letter: Character
    public var position: Position
    /// The article's title when the mark was set, for the bookmarks list.
    public var title: String

    public init(letter: Character, position: Position, title: String) {
        self.letter = letter
        self.position = position
        self.title = title
    }

    /// Upper-case marks hold across articles; lower-case ones belong to their article.
    public var isGlobal: Bool { letter.isUppercase }
}

/// One change to the journal that a store should keep.
public enum StateChange: Sendable, Equatable {
    /// Articles marked read (true) or unread.
    case read([ArticleID], Bool)
    case mark(Mark)
    /// An article opened (for the recently-read list), with its title.
    case opened(ArticleID, title: String)
    /// The back and forward history after it changed.
    case history(back: [Position], forward: [Position])
}
