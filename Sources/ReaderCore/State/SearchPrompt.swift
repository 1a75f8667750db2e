import ArticleKit

/// The line typed after "/": edited as a shell line is (←/→, Home/End, Backspace, Ctrl-U,
/// Ctrl-W), with ↑/↓ going through the queries typed this session.
public struct SearchPrompt: Sendable, Equatable {
    public private(set) var text: [Character] = []
    /// Where the next character goes, 0…text.count.
    public private(set) var cursor = 0
    /// Earlier queries, oldest first; `recalled` indexes them while ↑/↓ walk, and `draft` keeps what
    /// was being typed before walking started, so ↓ past the newest gives it back.
    let history: [String]
    var recalled: Int?
    var draft: [Character] = []

    /// What the line searches: the article on screen (`/`) or every article (`s`).
    public enum Scope: Sendable, Equatable {
        case article, collection
    }
    public let scope: Scope

    public init(history: [String] = [], scope: Scope = .article) {
        self.history = history
        self.scope = scope
    }

    public var string: String { String(text) }
    /// Display columns before the cursor, for placing the terminal cursor.
    public var cursorColumn: Int { text[..<cursor].reduce(0) { $0 + DisplayWidth.of($1) } }

    /// What a key did to the line.
    public enum Outcome: Sendable, Equatable {
        case editing
        case submitted(String)
        case cancelled
    }

    /// A key, read by the prompt's bindings in `keys`; a character bound to nothing is typed.
    public mutating func edit(_ key: Key, keys: KeyMap = .standard) -> Outcome {
        switch keys.action(for: key, in: .prompt) {
        case .submit: return .submitted(string)
        case .cancel: return .cancelled
        case .deleteBack:
            // Backspace on an empty line leaves the prompt, as in less.
            if text.isEmpty { return .cancelled }
            if cursor > 0 { text.remove(at: cursor - 1); cursor -= 1 }
        case .cursorLeft: cursor = max(0, cursor - 1)
        case .cursorRight: cursor = min(text.count, cursor + 1)
        case .lineStart: cursor = 0
        case .lineEnd: cursor = text.count
        case .deleteToStart:
            text.removeSubrange(0..<cursor)
            cursor = 0
        case .deleteWord: deleteWordBeforeCursor()
        case .toggleRegex:
            // As less's Ctrl-R switches between a pattern and plain text: here it puts ~ before the
            // query, or takes it away. A search of every article has no regular expressions.
            guard scope == .article else { break }
            if text.first == SearchState.regexPrefix {
                text.removeFirst()
                cursor = max(0, cursor - 1)
            } else {
                text.insert(SearchState.regexPrefix, at: 0)
                cursor += 1
            }
        case .historyPrevious: recall(-1)
        case .historyNext: recall(1)
        default:
            if case .character(let c) = key {
                text.insert(c, at: cursor)
                cursor += 1
            }
        }
        return .editing
    }

    /// Ctrl-W: the spaces before the cursor, then the word before them.
    mutating func deleteWordBeforeCursor() {
        var start = cursor
        while start > 0 && text[start - 1] == " " { start -= 1 }
        while start > 0 && text[start - 1] != " " { start -= 1 }
        text.removeSubrange(start..<cursor)
        cursor = start
    }

    mutating func recall(_ step: Int) {
        guard !history.isEmpty else { return }
        let current = recalled ?? history.count
        let next = min(max(0, current + step), history.count)
        guard next != current else { return }
        if recalled == nil { draft = text }
        recalled = next == history.count ? nil : next
        text = recalled.map { Array(history[$0]) } ?? draft
        cursor = text.count
    }
}
