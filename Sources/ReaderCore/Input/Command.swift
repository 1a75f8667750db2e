/// Everything a person can ask of the reader. Keys map to commands (`KeyMap`);
/// the reader's state changes only through them.
public enum Command: Sendable, Hashable {
    case lineDown, lineUp, halfPageDown, halfPageUp, pageDown, pageUp, top, bottom
    case nextSection, previousSection, section(Int)
    case outline, articleList, help
    case followNext, followPrevious, back, forward
    case search, searchCollection, nextMatchOrFollowNext, nextMatch, previousMatch
    case percent, whereAmI, reload, edit, repaint, suspend
    case escape, quit
    case toggleRead, markChainRead, nextUnread, setMark, jumpToMark, bookmarks, recentlyRead

    /// One line for the help screen and the README.
    public var summary: String {
        switch self {
        case .lineDown: return "down one line"
        case .lineUp: return "up one line"
        case .halfPageDown: return "down half a page"
        case .halfPageUp: return "up half a page"
        case .pageDown: return "down a page (stops at the end of the article)"
        case .pageUp: return "up a page"
        case .top: return "start of the article (12g: line 12)"
        case .bottom: return "end of the article (12G: line 12)"
        case .nextSection: return "next section (3]: section 3, 12]: section 12)"
        case .previousSection: return "previous section (or start of this one)"
        case .section(let n): return "section \(n)"
        case .outline: return "outline of the sections (Enter jumps)"
        case .articleList: return "list of all articles (/ filters, Enter opens)"
        case .help: return "this help"
        case .followNext: return "follow NEXT to the next article in the chain"
        case .followPrevious: return "follow PREV to the previous article in the chain"
        case .back: return "back along your history"
        case .forward: return "forward along your history"
        case .search: return "search this article (Enter runs, Esc cancels; ~ first: a regular expression)"
        case .searchCollection: return "search every article of the folder (Enter opens a hit at its match)"
        case .nextMatchOrFollowNext: return "next match while a search is on, else follow NEXT"
        case .nextMatch: return "next search match"
        case .previousMatch: return "previous search match"
        case .percent: return "after a number: that far into the article (40%)"
        case .whereAmI: return "where you are: file, size, lines, chain, last change"
        case .reload: return "read the file again, keeping your place"
        case .edit: return "edit the file in $VISUAL/$EDITOR, then read it again"
        case .repaint: return "draw the whole screen again"
        case .suspend: return "suspend to the shell (fg comes back)"
        case .escape: return "close an overlay, clear the search"
        case .quit: return "quit"
        case .toggleRead: return "mark this article read or unread"
        case .markChainRead: return "mark every article in this chain read"
        case .nextUnread: return "next unread article (in this chain first, then the folder)"
        case .setMark: return "m + letter: set a mark (a–z in this article, A–Z across articles)"
        case .jumpToMark: return "' + letter: go to a mark; '' back to where you jumped from"
        case .bookmarks: return "bookmarks: the marks of all articles, newest first (Enter opens)"
        case .recentlyRead: return "recently read articles (Enter opens)"
        }
    }
}
