/// What a key can be bound to, by a stable snake_case name: the config file's `[keys]` names
/// these, so a name, once released, keeps its meaning. Which actions a context offers is its
/// table in `KeyContext`; the article view's actions are the reader's commands.
public enum Action: String, Sendable, Hashable, CaseIterable {
    // The article view.
    case lineDown = "line_down", lineUp = "line_up", halfPageDown = "half_page_down", halfPageUp = "half_page_up"
    case pageDown = "page_down", pageUp = "page_up", top, bottom
    case nextSection = "next_section", previousSection = "previous_section"
    case section1 = "section_1", section2 = "section_2", section3 = "section_3", section4 = "section_4"
    case section5 = "section_5", section6 = "section_6", section7 = "section_7", section8 = "section_8"
    case section9 = "section_9"
    case outline, articleList = "article_list", help
    case followNext = "follow_next", followPrevious = "follow_previous", back, forward
    case search, searchCollection = "search_collection"
    case nextMatchOrFollowNext = "next_match_or_follow_next", nextMatch = "next_match"
    case previousMatch = "previous_match"
    case percent, whereAmI = "where_am_i", reload, edit, repaint, suspend, escape, quit
    case toggleRead = "toggle_read", markChainRead = "mark_chain_read", nextUnread = "next_unread"
    case setMark = "set_mark", jumpToMark = "jump_to_mark", bookmarks, recentlyRead = "recently_read"
    // Lists and overlays.
    case down, up, open, close, clearOrClose = "clear_or_close", unreadOnly = "unread_only"
    case deleteChar = "delete_char", filter
    // The search prompt's line editing.
    case submit, cancel, deleteBack = "delete_back", cursorLeft = "cursor_left", cursorRight = "cursor_right"
    case lineStart = "line_start", lineEnd = "line_end", deleteToStart = "delete_to_start"
    case deleteWord = "delete_word", historyPrevious = "history_previous", historyNext = "history_next"
    case toggleRegex = "toggle_regex"

    public var name: String { rawValue }

    /// The reader's command for an article-view action.
    public var command: Command? {
        switch self {
        case .lineDown: .lineDown
        case .lineUp: .lineUp
        case .halfPageDown: .halfPageDown
        case .halfPageUp: .halfPageUp
        case .pageDown: .pageDown
        case .pageUp: .pageUp
        case .top: .top
        case .bottom: .bottom
        case .nextSection: .nextSection
        case .previousSection: .previousSection
        case .section1, .section2, .section3, .section4, .section5, .section6, .section7, .section8, .section9:
            sectionNumber.map(Command.section)
        case .outline: .outline
        case .articleList: .articleList
        case .help: .help
        case .followNext: .followNext
        case .followPrevious: .followPrevious
        case .back: .back
        case .forward: .forward
        case .search: .search
        case .searchCollection: .searchCollection
        case .nextMatchOrFollowNext: .nextMatchOrFollowNext
        case .nextMatch: .nextMatch
        case .previousMatch: .previousMatch
        case .percent: .percent
        case .whereAmI: .whereAmI
        case .reload: .reload
        case .edit: .edit
        case .repaint: .repaint
        case .suspend: .suspend
        case .escape: .escape
        case .quit: .quit
        case .toggleRead: .toggleRead
        case .markChainRead: .markChainRead
        case .nextUnread: .nextUnread
        case .setMark: .setMark
        case .jumpToMark: .jumpToMark
        case .bookmarks: .bookmarks
        case .recentlyRead: .recentlyRead
        default: nil
        }
    }

    /// 1…9 for `section_1` … `section_9`.
    public var sectionNumber: Int? {
        guard rawValue.hasPrefix("section_"), let n = Int(rawValue.dropFirst(8)) else { return nil }
        return n
    }
}

/// Where keys are read: each context has its own table, so `j` can move the outline's selection
/// and scroll the article. Adding a context is a case here and its table in `defaults`.
public enum KeyContext: String, Sendable, Hashable, CaseIterable {
    case article, outline, list, filter, picker, results, help, prompt

    public var name: String { rawValue }

    /// The heading of this context's part of the help and the README.
    public var title: String {
        switch self {
        case .article: "Reading an article"
        case .outline: "In the outline"
        case .list: "In the article list"
        case .filter: "In the article list's filter"
        case .picker: "In the bookmarks and recently read lists"
        case .results: "In the results of a search of every article"
        case .help: "In this help"
        case .prompt: "In the search prompt"
        }
    }

    /// What keys not in the table do here, for the help and the config file.
    public var otherKeys: String? {
        switch self {
        case .article: nil
        case .outline: "digits pick a section by number (12 for the 12th); other keys do nothing"
        case .list: "other keys do nothing; / starts the filter"
        case .filter: "characters type into the filter, which narrows the list as it is typed"
        case .picker: "other keys close the list"
        case .results: "other keys do nothing"
        case .help: "other keys close the help"
        case .prompt: "characters are typed into the query"
        }
    }

    /// Whether this context reads `key` as text rather than as an action: every character in the
    /// list's filter (after `/`) and the search prompt, the digits that pick a section in the outline
    /// and count in the article view. Bound to an action, such a key could no longer be typed, so the
    /// config file refuses it. The article list itself reads letters as keys (j, k, q, as newsboat and
    /// mutt do): its filter is a context of its own.
    public func typesText(_ key: Key) -> Bool {
        guard case .character(let c) = key else { return false }
        switch self {
        case .filter, .prompt: return true
        case .outline, .article: return c.isASCII && c.isNumber
        case .list, .picker, .results, .help: return false
        }
    }

    /// Why `typesText(key)` holds, for the config file's message.
    public var typedAs: String? {
        switch self {
        case .filter: "characters type into the article list's filter"
        case .prompt: "characters are typed into the search prompt"
        case .outline: "digits pick a section by number in the outline"
        case .article: "digits are a count for the next key in the article view (3] is section 3)"
        case .list, .picker, .results, .help: nil
        }
    }

    /// One entry of a context's table: an action, its keys out of the box, what it does.
    public struct Entry: Sendable {
        public let action: Action
        public let keys: [Key]
        public let summary: String
        init(_ action: Action, _ keys: [Key], _ summary: String? = nil) {
            self.action = action
            self.keys = keys
            self.summary = summary ?? action.command?.summary ?? action.name
        }
    }

    /// The actions this context offers, in help order, with their keys out of the box.
    /// Less, vim and newsboat users each find their keys in the article view's table.
    public var defaults: [Entry] {
        typealias E = Entry
        switch self {
        case .article:
            return [
                E(.lineDown, [.character("j"), .down, .enter, .control("e"), .control("n")]),
                E(.lineUp, [.character("k"), .up, .control("y"), .control("p")]),
                E(.halfPageDown, [.character("d"), .control("d")]),
                E(.halfPageUp, [.character("u"), .control("u")]),
                E(.pageDown, [.character(" "), .pageDown, .control("f"), .character("f")]),
                E(.pageUp, [.character("b"), .pageUp, .control("b")]),
                E(.top, [.character("g"), .home, .character("<")]),
                E(.bottom, [.character("G"), .end, .character(">")]),
                E(.nextSection, [.character("]"), .character("}")]),
                E(.previousSection, [.character("["), .character("{")]),
            ]
                // Digits are a count (`3]` is section 3): these are left for a config to bind elsewhere.
                + (1...9).map { n in E(Action(rawValue: "section_\(n)")!, [], "section \(n)") } + [
                    E(.outline, [.character("t"), .character("o")]),
                    // n is less's and vim's next match while a search is on; J and → always follow the chain.
                    E(.nextMatchOrFollowNext, [.character("n")]),
                    E(.followNext, [.character("J"), .right]),
                    E(.followPrevious, [.character("p"), .character("K"), .left]),
                    E(.back, [.backspace, .character("H"), .control("o")]),
                    E(.forward, [.character("L"), .tab]),
                    E(.articleList, [.character("l"), .character("a")]),
                    E(.search, [.character("/")]),
                    E(.searchCollection, [.character("s")]),
                    E(.nextMatch, [.character(".")]),
                    E(.previousMatch, [.character("N"), .character(",")]),
                    E(.percent, [.character("%")]),
                    E(.whereAmI, [.character("="), .control("g")]),
                    E(.reload, [.character("R")]),
                    E(.edit, [.character("v")]),
                    E(.repaint, [.control("l")]),
                    E(.suspend, [.control("z")]),
                    E(.toggleRead, [.character("M")]),
                    E(.markChainRead, [.character("C")]),
                    E(.nextUnread, [.character("U")]),
                    E(.setMark, [.character("m")]),
                    E(.jumpToMark, [.character("'")]),
                    E(.bookmarks, [.character("B")]),
                    E(.recentlyRead, [.character("r")]),
                    E(.help, [.character("?"), .character("h")]),
                    E(.escape, [.escape]),
                    E(.quit, [.character("q"), .character("Q"), .control("c")]),
                ]
        case .outline:
            return [
                E(.down, [.character("j"), .down, .control("n")], "next section"),
                E(.up, [.character("k"), .up, .control("p")], "previous section"),
                E(.top, [.character("g"), .home], "first section"),
                E(.bottom, [.character("G"), .end], "last section"),
                E(.open, [.enter, .character(" ")], "jump to the selected section"),
                E(.close, [.escape, .character("t"), .character("o"), .character("q")], "close the outline"),
            ]
        case .list:
            // Letters are keys here, as in newsboat, mutt and less: j/k move, q leaves, / filters.
            return [
                E(.down, [.character("j"), .down, .control("n")], "next article"),
                E(.up, [.character("k"), .up, .control("p")], "previous article"),
                E(.pageDown, [.pageDown, .character(" ")], "a page down"),
                E(.pageUp, [.pageUp, .character("b")], "a page up"),
                E(.top, [.character("g"), .home], "first article"),
                E(.bottom, [.character("G"), .end], "last article"),
                E(.open, [.enter], "open the selected article"),
                E(.filter, [.character("/")], "filter titles and folders (and texts) by words typed; Enter keeps it"),
                E(.unreadOnly, [.tab], "show only the unread articles, or all again"),
                E(.deleteChar, [.backspace, .delete], "delete the filter's last character"),
                E(.clearOrClose, [.escape], "clear the filter; with none, close the list"),
                E(.close, [.character("q"), .control("c")], "close the list"),
            ]
        case .filter:
            return [
                E(.submit, [.enter], "keep the filter and give the keys back to the list"),
                E(
                    .cancel, [.escape, .control("c"), .control("g")],
                    "drop what was typed since / and leave the filter"),
                E(.deleteBack, [.backspace, .delete], "delete the last character (on an empty filter: leave it)"),
                E(.deleteWord, [.control("w")], "delete the last word"),
                E(.deleteToStart, [.control("u")], "delete the whole filter"),
                E(.down, [.down, .control("n")], "next article"),
                E(.up, [.up, .control("p")], "previous article"),
            ]
        case .picker:
            return [
                E(.down, [.character("j"), .down, .control("n")], "next entry"),
                E(.up, [.character("k"), .up, .control("p")], "previous entry"),
                E(.top, [.character("g"), .home], "first entry"),
                E(.bottom, [.character("G"), .end], "last entry"),
                E(.open, [.enter, .character(" ")], "open the selected entry"),
            ]
        case .results:
            return [
                E(.down, [.character("j"), .down, .control("n")], "next article"),
                E(.up, [.character("k"), .up, .control("p")], "previous article"),
                E(.pageDown, [.pageDown, .character(" ")], "a page down"),
                E(.pageUp, [.pageUp, .character("b")], "a page up"),
                E(.top, [.character("g"), .home], "first article"),
                E(.bottom, [.character("G"), .end], "last article"),
                E(.open, [.enter], "open the selected article at its match"),
                E(.search, [.character("s"), .character("/")], "search again"),
                E(.close, [.escape, .character("q"), .control("c")], "close the results"),
            ]
        case .help:
            return [
                E(.down, [.character("j"), .down], "scroll down"),
                E(.up, [.character("k"), .up], "scroll up"),
                // Space and PgDn page the help, as in less: closing it on them loses a reader's place.
                E(.pageDown, [.character(" "), .pageDown, .character("f")], "a page down"),
                E(.pageUp, [.character("b"), .pageUp], "a page up"),
            ]
        case .prompt:
            return [
                E(.submit, [.enter], "search (on an empty line: repeat the last search)"),
                E(.cancel, [.escape, .control("c"), .control("g")], "leave the prompt"),
                E(.deleteBack, [.backspace, .delete], "delete before the cursor (on an empty line: leave)"),
                E(.cursorLeft, [.left, .control("b")], "cursor left"),
                E(.cursorRight, [.right, .control("f")], "cursor right"),
                E(.lineStart, [.home, .control("a")], "start of the line"),
                E(.lineEnd, [.end, .control("e")], "end of the line"),
                E(.deleteToStart, [.control("u")], "delete to the start of the line"),
                E(.deleteWord, [.control("w")], "delete the word before the cursor"),
                E(.historyPrevious, [.up], "earlier search"),
                E(.historyNext, [.down], "later search"),
                E(
                    .toggleRegex, [.control("r")],
                    "a regular expression or plain text: puts ~ before the query, or takes it away"),
            ]
        }
    }

    /// The actions this context offers.
    public var actions: [Action] { defaults.map(\.action) }

    /// The action that leaves this context, which must keep a key whatever a config says (nil: any
    /// key without a binding there leaves it).
    public var wayOut: Action? {
        switch self {
        case .article: .quit
        case .outline, .results: .close
        case .list: .clearOrClose
        case .prompt, .filter: .cancel
        case .picker, .help: nil
        }
    }

    /// What an action does here.
    public func summary(_ action: Action) -> String {
        defaults.first { $0.action == action }?.summary ?? action.name
    }
}
