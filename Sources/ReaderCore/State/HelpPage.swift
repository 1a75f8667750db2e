import ArticleKit

/// One line of the help: its text, and whether it is a heading.
struct HelpRow: Equatable {
    var text: String
    var bold = false
}

/// The help's lines, as data: made from the key map the reader runs with and the window's width. The
/// help's keys bound their scrolling by them and the renderer draws them; neither asks the other.
enum HelpPage {
    /// The column the help starts at.
    static func x(_ g: Geometry) -> Int { g.pane == nil ? g.columnX : max(1, (g.width - g.columnWidth) / 2) }

    /// Every context's bindings under its heading, summaries wrapped to the window.
    static func rows(keyMap keys: KeyMap, geometry g: Geometry) -> [HelpRow] {
        let width = max(10, min(g.width - x(g) - 1, 90))
        let contexts = KeyContext.allCases.map { ($0, keys.helpLines(in: $0)) }
        let all = contexts.flatMap(\.1)
        let keyWidth = min(width / 3, all.map { DisplayWidth.of($0.keys) }.max() ?? 10)
        let scroll = "\(keys.label(.down, in: .help))/\(keys.label(.up, in: .help))"
        let page = "\(keys.label(.pageDown, in: .help))/\(keys.label(.pageUp, in: .help))"
        var rows = [HelpRow(text: "Keys — \(page) page, \(scroll) scroll; any other key closes this help", bold: true)]
        for (context, lines) in contexts {
            rows.append(HelpRow(text: ""))
            rows.append(HelpRow(text: context.title, bold: true))
            for l in lines {
                let shown = TextWrapper.cut(l.keys, keyWidth)
                let pad = String(repeating: " ", count: keyWidth + 2 - DisplayWidth.of(shown))
                for (i, part) in TextWrapper.wrap(l.summary, width: max(1, width - keyWidth - 2)).enumerated() {
                    rows.append(
                        HelpRow(text: (i == 0 ? shown + pad : String(repeating: " ", count: keyWidth + 2)) + part))
                }
            }
            if let other = context.otherKeys {
                rows += TextWrapper.wrap("And: " + other + ".", width: width).map { HelpRow(text: $0) }
            }
        }
        return rows
    }
}

extension ReaderState {
    /// The help's lines at the window's width.
    var helpRows: [HelpRow] { HelpPage.rows(keyMap: keyMap, geometry: geometry) }
}
