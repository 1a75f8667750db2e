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
            let prepared = prepare.prepare(term.text)
            let words = prepared.split { !FTSExpression.isTokenCharacter($0) }
            guard !words.isEmpty else { return nil }
            let quoted = "\"" + words.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
            if case .prefix = term { return quoted + " *" }
            return quoted
        }
        let required = query.required.compactMap(string)
        let excluded = query.excluded.compactMap(string)
        var text = required.joined(separator: " AND ")
        if !excluded.isEmpty { text = "(" + text + ") NOT (" + excluded.joined(separator: " OR ") + ")" }
        self.text = text
    }

    /// What the tokenizer keeps: letters, digits and marks (see `IndexSchema.tokenizer`).
    static func isTokenCharacter(_ c: Character) -> Bool {
        c.unicodeScalars.contains { u in
            switch u.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber, .privateUse, .nonspacingMark, .spacingMark,
                .enclosingMark:
                return true
            default:
                return false
            }
        }
    }
}

extension SearchIndex {
    /// Title words weigh most, then headings, then the body (BM25 column weights).
    static let weights = (title: 8.0, heading: 4.0, body: 1.0)

    /// The best section of each article that matches, best article first, within `scope` (the
    /// named folders' files and the named files; empty: everything indexed). Snippets are not
    /// cut here: that reads the files, for the hits shown.
    public func search(_ query: SearchQuery, scope: IndexScope?, limit: Int) throws -> [SearchHit] {
        let expression = FTSExpression(query)
        guard !expression.text.isEmpty, limit > 0 else { return [] }
        var filters: [String] = []
        var arguments: StatementArguments = [expression.text]
        for folder in scope?.folders ?? [] {
            let base = folder.hasSuffix("/") ? folder : folder + "/"
            // The folder's own files, not its subfolders' (which may be indexed on their own).
            filters.append("(f.path > ? AND f.path < ? AND instr(substr(f.path, ?), '/') = 0)")
            _ = arguments.append(contentsOf: [base, SearchIndex.upperBound(of: base), base.unicodeScalars.count + 1])
        }
        for file in scope?.files ?? [] {
            filters.append("f.path = ?")
            _ = arguments.append(contentsOf: [file])
        }
        let whereScope = filters.isEmpty ? "" : " AND (" + filters.joined(separator: " OR ") + ")"
        _ = arguments.append(contentsOf: [limit])
        let w = SearchIndex.weights
        // bm25() only runs on the FTS table's own rows, so it is ranked in a materialised step of its
        // own (a plain subquery would be flattened into what follows). An article ranks by its best
        // section; the section shown is the one whose own text (heading, body) ranks best, so that a
        // title word, repeated in every section's row, does not pick the section.
        let sql = """
            WITH t AS MATERIALIZED (
                SELECT rowid, bm25(text, \(w.title), \(w.heading), \(w.body)) AS score,
                       bm25(text, 0.0, \(w.heading), \(w.body)) AS local
                FROM text WHERE text MATCH ?
            ),
            ranked AS (
                SELECT f.path AS path, f.title AS title, s.number AS number, s.heading AS heading,
                       MIN(t.score) OVER (PARTITION BY s.file) AS score,
                       ROW_NUMBER() OVER (PARTITION BY s.file ORDER BY t.local, s.number) AS place
                FROM t JOIN section s ON s.id = t.rowid JOIN file f ON f.id = s.file
                WHERE 1\(whereScope)
            )
            SELECT path, title, number, heading, score FROM ranked WHERE place = 1
            ORDER BY score, path LIMIT ?
            """
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let score: Double = row["score"]
                return SearchHit(
                    path: row["path"], title: row["title"], section: row["number"], heading: row["heading"],
                    score: -score)
            }
        }
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
        while true {
            let hits = try search(query, scope: scope, limit: asked)
            found = []
            for var hit in hits {
                guard found.count < limit else { break }
                guard let article = read(hit.path), let snippet = cutter.cut(article, section: hit.section)
                else { continue }
                hit.snippet = snippet
                found.append((hit, article))
            }
            // Enough, or nothing more to ask for.
            if found.count >= limit || hits.count < asked { return found }
            asked *= 4
        }
    }

    /// The article in a file, or nil when it cannot be read now.
    public static func readFile(_ path: String) -> Article? {
        guard let bytes = try? FileReader().read(path) else { return nil }
        return try? ArticleParser().parse(bytes, source: path)
    }
}
