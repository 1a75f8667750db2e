import ArticleKit
import GRDB

/// A `SearchQuery` as an FTS5 expression. Every term becomes an FTS5 string (in double quotes,
/// quotes inside doubled), so nothing a person types is read as FTS5 syntax: `AND`, `NEAR(`,
/// `*`, `^` or parentheses are only words or separators. Terms go through `IndexText`, as the
/// stored text did, so folding and the spacing of CJK and Thai agree on both sides.
public struct FTSExpression: Sendable, Equatable {
    public let text: String

    public init(_ query: SearchQuery) {
        var prepare = IndexText()
        func string(_ term: SearchQuery.Term) -> String? {
            let words = prepare.words(term.text)
            guard !words.isEmpty else { return nil }
            let quoted = "\"" + words.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
            if case .prefix = term { return quoted + " *" }
            return quoted
        }
        let required = query.required.compactMap(string)
        let excluded = query.excluded.compactMap(string)
        // Nothing required: no expression (FTS5 cannot run an exclusion alone).
        guard !required.isEmpty else {
            self.text = ""
            return
        }
        var text = required.joined(separator: " AND ")
        if !excluded.isEmpty { text = "(" + text + ") NOT (" + excluded.joined(separator: " OR ") + ")" }
        self.text = text
    }
}

extension SearchIndex {
    /// Title words weigh most, then headings, then the body (BM25 column weights).
    static let weights = (title: 8.0, heading: 4.0, body: 1.0)

    /// The best section of each article that matches, best article first, within `scope` (the
    /// named folders' files and the named files; nil: everything indexed). Snippets are not cut
    /// here: that reads the files, for the hits shown.
    ///
    /// FTS5 ranks the rows itself (`ORDER BY rank LIMIT`): only the best rows come out, so a word
    /// in every article costs one pass over its rows, not a join and a sort of all of them. An
    /// article ranks by its best row; the section shown is, among its rows that came out, the one
    /// whose own text (heading, body) ranks best, so that a title word, repeated in every section's
    /// row, does not pick the section. Too few articles in the rows (or in `scope`): more are asked.
    public func search(_ query: SearchQuery, scope: IndexScope?, limit: Int) throws -> [SearchHit] {
        let expression = FTSExpression(query)
        guard !expression.text.isEmpty, limit > 0 else { return [] }
        let w = SearchIndex.weights
        let ranked = """
            SELECT rowid, rank AS score, bm25(text, 0.0, \(w.heading), \(w.body)) AS local FROM text
            WHERE text MATCH ? AND rank MATCH 'bm25(\(w.title), \(w.heading), \(w.body))' ORDER BY rank LIMIT ?
            """
        var asked = limit * 8
        while true {
            let (hits, rows) = try pool.read { db -> ([SearchHit], Int) in
                var order: [Int64] = []
                var best:
                    [Int64: (score: Double, local: Double, number: Int, heading: String?, path: String, title: String)] =
                        [:]
                let found = try Row.fetchAll(db, sql: ranked, arguments: [expression.text, asked])
                let sections = try SearchIndex.sections(found.map { $0["rowid"] as Int64 }, in: db)
                for row in found {
                    guard let section = sections[row["rowid"]], scope.map({ $0.contains(section.path) }) ?? true
                    else { continue }
                    let score: Double = row["score"]
                    let local: Double = row["local"]
                    if let seen = best[section.file] {
                        if (local, section.number) < (seen.local, seen.number) {
                            best[section.file] = (
                                seen.score, local, section.number, section.heading, seen.path, seen.title
                            )
                        }
                    } else {
                        order.append(section.file)
                        best[section.file] = (
                            score, local, section.number, section.heading, section.path, section.title
                        )
                    }
                }
                let hits = order.prefix(limit).map { file -> SearchHit in
                    let b = best[file]!
                    return SearchHit(
                        path: b.path, title: b.title, section: b.number, heading: b.heading, score: -b.score)
                }
                return (hits, found.count)
            }
            if hits.count >= limit || rows < asked { return hits }
            asked = min(asked * 4, Int(Int32.max))
        }
    }

    /// The section rows (and their files) of text rows; dead text rows have none.
    static func sections(_ rowids: [Int64], in db: Database) throws -> [Int64: (
        file: Int64, number: Int, heading: String?, path: String, title: String
    )] {
        var out: [Int64: (file: Int64, number: Int, heading: String?, path: String, title: String)] = [:]
        guard !rowids.isEmpty else { return out }
        let statement = try db.cachedStatement(
            sql: """
                SELECT s.file AS file, s.number AS number, s.heading AS heading, f.path AS path, f.title AS title
                FROM section s JOIN file f ON f.id = s.file WHERE s.id = ?
                """)
        for id in rowids {
            if let row = try Row.fetchOne(statement, arguments: [id]) {
                out[id] = (row["file"], row["number"], row["heading"], row["path"], row["title"])
            }
        }
        return out
    }
}

extension IndexScope {
    /// Whether a canonical path is one of the named files, or where a walk of a named folder reaches
    /// (in it or a subfolder not hidden, to the depth).
    func contains(_ path: String) -> Bool {
        if files.contains(path) { return true }
        let depth = depth.map { max(0, $0) } ?? FolderWalk.defaultDepth
        return folders.contains { FolderWalk.reaches(path, from: $0, depth: depth) }
    }
}

extension SearchIndex {
    /// The hits to show: `search`, then each hit's file read again for its snippet. A hit whose
    /// file no longer holds the words (changed since), or holds them in another case when the
    /// query has a capital, is left out; more are asked for then, so `limit` still fills.
    /// `read` gives the article at a hit's path (by default: the file, parsed).
    public func find(
        _ query: SearchQuery, scope: IndexScope?, limit: Int, snippetWidth: Int = 90,
        read: (String) -> Article? = SearchIndex.readFile
    ) throws -> [(hit: SearchHit, article: Article)] {
        let cutter = SnippetCutter(query: query, width: snippetWidth)
        var asked = query.keepsCase ? limit * 4 : limit
        var found: [(hit: SearchHit, article: Article)] = []
        // An index of files looks at each hit's file before showing it (`freshen`); the built-in
        // articles, held in memory, have no files.
        let checksFiles = location != nil
        var askedAgain = false
        while true {
            let hits = try search(query, scope: scope, limit: asked)
            found = []
            var changed = false
            for var hit in hits {
                guard found.count < limit else { break }
                if checksFiles {
                    switch freshen(hit.path) {
                    case .gone: continue
                    case .changed: changed = true
                    case .same: break
                    }
                }
                guard let article = read(hit.path), let snippet = cutter.cut(article, section: hit.section)
                else { continue }
                hit.snippet = snippet
                found.append((hit, article))
            }
            // A hit's file changed and was indexed again: its words (and its best section) may be
            // elsewhere now, so the query is asked once more of the index as it is now.
            if changed && !askedAgain {
                askedAgain = true
                continue
            }
            // Enough, or nothing more to ask for.
            if found.count >= limit || hits.count < asked { return found }
            asked = min(asked * 4, Int(Int32.max))
        }
    }

    /// The article in a file, or nil when it cannot be read now.
    public static func readFile(_ path: String) -> Article? {
        guard let bytes = try? FileReader().read(path) else { return nil }
        return try? ArticleParser().parse(bytes, source: path)
    }
}
