/// The mouse: the wheel scrolls what is under the keys (the article, the outline, a list, the
/// help), and a click on an outline or list entry opens it, as Enter on it would. What a click hit comes
/// from `Targets`, worked out from the state and the window's geometry as the renderer lays rows out.
extension ReaderState {
    /// Lines a notch of the wheel scrolls, as most terminals' less does.
    static let wheelLines = 3

    mutating func mouse(_ event: MouseEvent) {
        out.message = nil
        guard prompt == nil else { return }
        defer { view.keepPlace() }
        switch event {
        case .wheel(let direction, _, _): wheel(direction)
        case .click(let row, _): click(Targets.target(atRow: row, in: self))
        }
    }

    mutating func wheel(_ direction: Int) {
        switch overlay {
        case .none: view.scroll(by: direction * Self.wheelLines)
        case .outline(let selection):
            let sections = document.article.sections.count
            overlay = .outline(selection: OutlineOverlay.wheel(direction, selection: selection, sections: sections))
        case .results(var results):
            results.wheel(direction)
            overlay = .results(results)
        case .list(var list):
            list.wheel(direction, lines: Self.wheelLines)
            overlay = .list(list)
        case .help(let scroll): overlay = .help(scroll: max(0, scroll + direction * Self.wheelLines))
        case .marks(let selection):
            overlay = .marks(selection: Picker.wheel(direction, selection: selection, count: journal.marks.count))
        case .recent(let selection):
            overlay = .recent(selection: Picker.wheel(direction, selection: selection, count: recentlyRead.count))
        }
    }

    mutating func click(_ target: Screen.Target?) {
        switch target {
        case .section(let index)?:
            overlay = .none
            view.jump(toSection: index, &out)
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
}
