/// A collection search as a person types it: words that must all be there, `"exact phrases"`,
/// `prefix*` words and `-excluded` words. Nothing typed is ever passed on as query syntax: the
/// index builds its own expression from these terms, so `AND`, `NEAR(`, quotes, `^` or
/// parentheses are only text to look for.
public struct SearchQuery: Sendable, Equatable {
    public enum Term: Sendable, Equatable, Hashable {
        /// A word (or, in scripts written without spaces, a run of characters).
        case word(String)
        /// A word's beginning: `sourd*`.
        case prefix(String)
        /// Words one after another: `"sea wall"`.
        case phrase(String)

        public var text: String {
            switch self {
            case .word(let t), .prefix(let t), .phrase(let t): return t
            }
        }
    }

    public var required: [Term]
    public var excluded: [Term]
    /// A capital letter in a required term makes case count, as `/` does in an article.
    public var keepsCase: Bool {
        required.contains { TextFold.hasCapital($0.text) }
    }

    public init(required: [Term], excluded: [Term] = []) {
        self.required = required
        self.excluded = excluded
    }

    /// Reads what was typed. An unclosed quote runs to the end; a lone `*` or `-` is ignored.
    public static func parse(_ typed: String) throws(SearchQueryError) -> SearchQuery {
        // Control characters and escapes are never searched for, nor echoed back.
        let text = String(
            String.UnicodeScalarView(
                typed.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        var required: [Term] = []
        var excluded: [Term] = []
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard let first = rest.first else { break }
            var negated = false
            if first == "-" {
                negated = true
                rest = rest.dropFirst()
            }
            let term: Term?
            if rest.first == "\"" {
                let body = rest.dropFirst()
                let end = body.firstIndex(of: "\"") ?? body.endIndex
                let phrase = body[..<end].split(whereSeparator: \.isWhitespace).joined(separator: " ")
                term = phrase.isEmpty ? nil : .phrase(phrase)
                rest = end == body.endIndex ? body[end...] : body[body.index(after: end)...]
            } else {
                let end = rest.firstIndex { $0.isWhitespace } ?? rest.endIndex
                var word = rest[..<end]
                rest = rest[end...]
                var isPrefix = false
                while word.last == "*" {
                    word = word.dropLast()
                    isPrefix = true
                }
                term =
                    word.isEmpty
                    ? nil
                    : isPrefix ? .prefix(String(word)) : .word(String(word))
            }
            guard let term, SearchQuery.isSearchable(term) else { continue }
            if negated { excluded.append(term) } else { required.append(term) }
        }
        if required.isEmpty {
            throw excluded.isEmpty ? .nothingToFind(typed: text) : .onlyExclusions
        }
        return SearchQuery(required: required, excluded: excluded)
    }

    /// A term is searchable when something of it survives: letters, digits or marks.
    /// A term is searchable when the index would keep a word of it (after the fold: ʼ folds to ').
    static func isSearchable(_ term: Term) -> Bool {
        var text = IndexText()
        return !text.words(term.text).isEmpty
    }

    /// What the words look like again, for a prompt or a status line.
    public var description: String {
        func show(_ t: Term) -> String {
            switch t {
            case .word(let w): return w
            case .prefix(let w): return w + "*"
            case .phrase(let p): return "\"" + p + "\""
            }
        }
        return (required.map(show) + excluded.map { "-" + show($0) }).joined(separator: " ")
    }
}

/// Why a query cannot be run: said in one line, with what to type instead.
public enum SearchQueryError: Error, Sendable, Equatable, CustomStringConvertible {
    case nothingToFind(typed: String)
    case onlyExclusions

    public var description: String {
        switch self {
        case .nothingToFind(let typed) where typed.allSatisfy(\.isWhitespace):
            return "nothing to search for: type one or more words"
        case .nothingToFind:
            return "nothing to search for: the query has no letters or digits"
        case .onlyExclusions:
            return "every word is excluded (-word): add a word that the articles must contain"
        }
    }
}
