/// Which key does what in the article view. The help screen and README are
/// generated from this table, so they cannot drift from the keys.
public struct KeyMap: Sendable {
    public struct Binding: Sendable {
        public var keys: [Key]
        public var command: Command
    }

    public var bindings: [Binding]

    public func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    /// Less, vim and newsboat users each find their keys here.
    public static let standard = KeyMap(
        bindings: [
            Binding(keys: [.character("j"), .down, .enter, .control("e"), .control("n")], command: .lineDown),
            Binding(keys: [.character("k"), .up, .control("y"), .control("p")], command: .lineUp),
            Binding(keys: [.character("d"), .control("d")], command: .halfPageDown),
            Binding(keys: [.character("u"), .control("u")], command: .halfPageUp),
            Binding(keys: [.character(" "), .pageDown, .control("f"), .character("f")], command: .pageDown),
            Binding(keys: [.character("b"), .pageUp, .control("b")], command: .pageUp),
            Binding(keys: [.character("g"), .home, .character("<")], command: .top),
            Binding(keys: [.character("G"), .end, .character(">")], command: .bottom),
            Binding(keys: [.character("]"), .character("}")], command: .nextSection),
            Binding(keys: [.character("["), .character("{")], command: .previousSection),
        ]
            + (1...9).map { n in
                Binding(keys: [.character(Character(String(n)))], command: .section(n))
            } + [
                Binding(keys: [.character("t"), .character("o")], command: .outline),
                // n is less's and vim's next match while a search is on; J and → always follow the chain.
                Binding(keys: [.character("n")], command: .nextMatchOrFollowNext),
                Binding(keys: [.character("J"), .right], command: .followNext),
                Binding(keys: [.character("p"), .character("K"), .left], command: .followPrevious),
                Binding(keys: [.backspace, .character("H"), .control("o")], command: .back),
                Binding(keys: [.character("L"), .tab], command: .forward),
                Binding(keys: [.character("l"), .character("a")], command: .articleList),
                Binding(keys: [.character("/")], command: .search),
                Binding(keys: [.character("s")], command: .searchCollection),
                Binding(keys: [.character(".")], command: .nextMatch),
                Binding(keys: [.character("N"), .character(",")], command: .previousMatch),
                Binding(keys: [.character("%")], command: .percent),
                Binding(keys: [.character("="), .control("g")], command: .whereAmI),
                Binding(keys: [.character("R")], command: .reload),
                Binding(keys: [.character("v")], command: .edit),
                Binding(keys: [.control("l")], command: .repaint),
                Binding(keys: [.control("z")], command: .suspend),
                Binding(keys: [.character("M")], command: .toggleRead),
                Binding(keys: [.character("C")], command: .markChainRead),
                Binding(keys: [.character("U")], command: .nextUnread),
                Binding(keys: [.character("m")], command: .setMark),
                Binding(keys: [.character("'")], command: .jumpToMark),
                Binding(keys: [.character("B")], command: .bookmarks),
                Binding(keys: [.character("r")], command: .recentlyRead),
                Binding(keys: [.character("?"), .character("h")], command: .help),
                Binding(keys: [.escape], command: .escape),
                Binding(keys: [.character("q"), .character("Q"), .control("c")], command: .quit),
            ])

    /// Digits jump to a section at once and, as in less, make a count for the next key.
    public static let digitsSummary = "section 1 to 9 (1 is the lede); also a count: 12g 40% 12] 5j"

    /// Help lines: keys, then what they do, in table order (sections 1–9 on one line).
    public var helpLines: [(keys: String, summary: String)] {
        var lines: [(String, String)] = []
        for b in bindings {
            if case .section(let n) = b.command {
                if n == 1 { lines.append(("1 … 9", Self.digitsSummary)) }
                continue
            }
            lines.append((b.keys.map(\.description).joined(separator: " "), b.command.summary))
        }
        return lines
    }
}
