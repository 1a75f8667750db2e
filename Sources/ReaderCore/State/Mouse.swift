/// The mouse: the wheel scrolls what is under the keys (the article, the outline, a list, the
/// help), and a click on an outline or list entry opens it, as Enter on it would.
extension ReaderState {
    /// Lines a notch of the wheel scrolls, as most terminals' less does.
    static let wheelLines = 3

    mutating func mouse(_ event: MouseEvent) {
        message = nil
        guard prompt == nil else { return }
        switch event {
        case .wheel(let direction, _, _):
            switch overlay {
            case .none: scroll(by: direction * Self.wheelLines)
            case .outline(let selection):
                let last = max(0, document.article.sections.count - 1)
                overlay = .outline(selection: min(max(0, selection + direction), last))
            case .results(var results):
                results.selection = min(max(0, results.selection + direction), max(0, results.hits.count - 1))
                overlay = .results(results)
            case .list(var list):
                let last = max(0, list.rowCount - 1)
                list.selection = min(max(0, list.selection + direction * Self.wheelLines), last)
                overlay = .list(list)
            case .help(let scroll): overlay = .help(scroll: max(0, scroll + direction * Self.wheelLines))
            case .marks(let selection):
                overlay = .marks(selection: min(max(0, selection + direction), max(0, journal.marks.count - 1)))
            case .recent(let selection):
                overlay = .recent(selection: min(max(0, selection + direction), max(0, recentlyRead.count - 1)))
            }
        case .click(let row, _):
            switch Renderer.render(self).targets[row] {
            case .section(let index)?:
                overlay = .none
                jump(toSection: index)
            case .listRow(let index)?:
                switch overlay {
                case .list(var list):
                    list.selection = index
                    listAction(.open, list)
                case .marks: marksAction(.open, index)
                case .recent: recentAction(.open, index)
                case .results(var results):
                    results.selection = index
                    resultsAction(.open, results)
                default: break
                }
            case nil:
                break
            }
        }
        anchor = anchorPosition()
    }
}
