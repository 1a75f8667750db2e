import ArticleKit

/// How much of an article `/` searches before the next screen is drawn. A long article is searched at
/// once only near the screen; the rest is counted behind it (`Effect.countMatches`), so a 50 MB
/// article shows its first match as quickly as a short one and keys are answered while it is counted.
public struct SearchWindow: Sendable, Equatable {
    /// A layout of at most this many lines is searched whole at once.
    public var wholeLines: Int
    /// Otherwise this many lines from the block at the top (on to the end of the block they end in).
    public var windowLines: Int
    /// Lines a background chunk covers: one progress report each.
    public var chunkLines: Int

    public init(wholeLines: Int, windowLines: Int, chunkLines: Int) {
        self.wholeLines = wholeLines
        self.windowLines = windowLines
        self.chunkLines = chunkLines
    }

    /// About 600 kB of text searched at once at 80 columns (under 0.1 s in a release build here), and
    /// a progress report for every 1.3 MB counted.
    public static let standard = SearchWindow(wholeLines: 8_000, windowLines: 4_000, chunkLines: 16_000)
}

/// A search whose matches are still being counted. What has been searched is a ring of lines that
/// starts at `origin` (the first line of the block at the top when the search began) and goes on past
/// the article's end round to its start; `scanned` lines of it are done.
public struct SearchCounting: Sendable, Equatable {
    public var id: Int
    public var origin: Int
    public var scanned: Int
    public var total: Int
    /// Where matches from before `origin` go in the article-ordered `matches` as they come in.
    var insertAt = 0
    /// No match is current yet: none was found below the top in the part searched at once.
    public var awaitingFirst: Bool
    /// Bring the first match found into view (a search just typed); else only make one current once
    /// all are counted (a search carried into an article, or run again after a relayout).
    var reveal: Bool
    /// The number of the match to make current once all are counted (a relayout keeps the current one).
    var restore: Int?

    public var percent: Int { total == 0 ? 100 : min(100, scanned * 100 / total) }
    var isFinished: Bool { scanned >= total }

    /// How far round the ring a line is.
    func ring(_ line: Int) -> Int { (line - origin + total) % total }
}

/// A count behind the screen, as asked for: the ring of lines from `start` round to `origin` (`start`
/// counts on past the last line: `total + k` is line `k`).
public struct SearchJob: Sendable, Equatable {
    public var id: Int
    public var query: String
    public var layout: ArticleLayout
    public var start: Int
    public var origin: Int
    public var chunkLines: Int
}

/// One part of a count, in ring order. The last one is `final`; a cancelled count sends an empty final one.
public struct SearchChunk: Sendable, Equatable {
    public var id: Int
    public var matches: [SearchState.Match]
    /// Lines of the ring searched once this chunk is taken.
    public var scanned: Int
    /// The chunk's lines come before the ring's origin: the count went round the article's end.
    public var wrapped: Bool
    public var final: Bool

    public init(id: Int, matches: [SearchState.Match], scanned: Int, wrapped: Bool, final: Bool) {
        self.id = id
        self.matches = matches
        self.scanned = scanned
        self.wrapped = wrapped
        self.final = final
    }
}

/// Carries out `Effect.countMatches`: pure computation, run by the loop on its worker.
public enum SearchCount {
    /// Searches `job`'s ring a chunk at a time, handing each chunk to `post`; `cancelled` is asked
    /// before each chunk.
    public static func run(_ job: SearchJob, cancelled: () -> Bool, post: (SearchChunk) -> Void) {
        let lines = job.layout.lines
        let total = lines.count
        let end = job.origin + total
        var p = job.start
        while p < end {
            if cancelled() {
                post(SearchChunk(id: job.id, matches: [], scanned: p - job.origin, wrapped: p >= total, final: true))
                return
            }
            // A chunk never crosses the article's end: its lines are one range.
            let wrapped = p >= total
            let offset = wrapped ? total : 0
            let limit = wrapped ? end : total
            let q =
                blockEnd(lines, from: min(limit, p + max(1, job.chunkLines)) - offset, limit: limit - offset) + offset
            let found = SearchState.find(job.query, in: job.layout, lines: (p - offset)..<(q - offset))
            post(SearchChunk(id: job.id, matches: found, scanned: q - job.origin, wrapped: wrapped, final: q >= end))
            p = q
        }
    }

    /// `line`, moved on past the rest of the block it is in, so a range ending there holds whole blocks.
    static func blockEnd(_ lines: LayoutLines, from line: Int, limit: Int) -> Int {
        var q = line
        while q > 0 && q < limit && lines[q].kind != .blank && lines[q].block == lines[q - 1].block { q += 1 }
        return q
    }
}
