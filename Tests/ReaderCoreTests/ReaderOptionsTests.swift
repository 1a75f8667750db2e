import ArticleKit
import XCTest

@testable import ReaderCore

/// What a config file can change in the running reader: keys in every context, the layout,
/// Space at the end, themes, and plain mode.
final class ReaderOptionsTests: XCTestCase {
    func state(_ options: ReaderOptions, width: Int = 80, height: Int = 24) -> ReaderState {
        ReaderState(library: ReaderFixtures.library(), start: 0, width: width, height: height, options: options)
    }

    func rebound(_ action: Action, in context: KeyContext, to keys: [Key]) -> ReaderOptions {
        ReaderOptions(keyMap: KeyMap.standard.rebinding(action, in: context, to: keys))
    }

    func testTheStandardMapHasNoDuplicates() {
        for context in KeyContext.allCases {
            XCTAssertTrue(KeyMap.standard.duplicates(in: context).isEmpty, "\(context)")
            XCTAssertFalse(context.defaults.isEmpty)
            for entry in context.defaults { XCTAssertFalse(entry.summary.isEmpty) }
        }
        let twice = KeyMap.standard.rebinding(.help, in: .article, to: [.character("q")])
        XCTAssertEqual(twice.duplicates(in: .article).map(\.actions), [[.help, .quit]])
    }

    func testRebindingInTheArticleView() {
        var state = state(rebound(.quit, in: .article, to: [.character("x")]))
        XCTAssertFalse(state.send(.key(.character("q"))).contains(.quit))
        XCTAssertTrue(state.send(.key(.character("x"))).contains(.quit))
        // The hints name the key that does it now.
        var help = self.state(rebound(.help, in: .article, to: [.control("k")]))
        XCTAssertTrue(help.screen.text(row: 23).hasSuffix("Ctrl-K help"), help.screen.text(row: 23))
        help.press(.control("k"))
        XCTAssertEqual(help.overlay, .help(scroll: 0))
    }

    func testRebindingInTheOutline() {
        var state = state(rebound(.down, in: .outline, to: [.character("x")]))
        state.press(.character("t"))
        XCTAssertEqual(state.overlay, .outline(selection: 0))
        state.press(.character("j"))
        XCTAssertEqual(state.overlay, .outline(selection: 0))
        state.press(.character("x"))
        XCTAssertEqual(state.overlay, .outline(selection: 1))
    }

    func testRebindingInTheList() {
        var state = state(rebound(.down, in: .list, to: [.control("j")]))
        state.press(.character("l"))
        guard case .list(let before) = state.overlay else { return XCTFail("no list") }
        state.press(.down)
        guard case .list(let unmoved) = state.overlay else { return XCTFail("no list") }
        XCTAssertEqual(unmoved.selection, before.selection)
        state.press(.control("j"))
        guard case .list(let moved) = state.overlay else { return XCTFail("no list") }
        XCTAssertEqual(moved.selection, before.selection + 1)
        // j was down's: rebound, it does nothing, and types nothing (the list reads letters as keys).
        state.press(.character("j"))
        guard case .list(let still) = state.overlay else { return XCTFail("no list") }
        XCTAssertEqual(still.selection, moved.selection)
        XCTAssertEqual(still.filter, "")
        // After /, any character types into the filter.
        state.press(.character("/"), .character("K"))
        guard case .list(let typed) = state.overlay else { return XCTFail("no list") }
        XCTAssertEqual(typed.filter, "K")
    }

    func testRebindingInThePicker() {
        var state = state(rebound(.down, in: .picker, to: [.character("x")]))
        state.press(.character("m"), .character("a"), .character("G"), .character("m"), .character("b"))
        state.press(.character("B"))
        XCTAssertEqual(state.overlay, .marks(selection: 0))
        state.press(.character("x"))
        XCTAssertEqual(state.overlay, .marks(selection: 1))
        state.press(.character("j"))  // other keys close it
        XCTAssertEqual(state.overlay, .none)
    }

    func testRebindingInTheHelp() {
        var state = state(rebound(.down, in: .help, to: [.character("x")]), height: 12)
        state.press(.character("?"))
        XCTAssertTrue(state.screen.text(row: 1).contains("x/k scroll"), state.screen.text(row: 1))
        state.press(.character("x"))
        XCTAssertEqual(state.overlay, .help(scroll: 1))
        state.press(.character("j"))
        XCTAssertEqual(state.overlay, .none)
    }

    func testRebindingInThePrompt() {
        var state = state(rebound(.cancel, in: .prompt, to: [.control("q")]))
        state.press(.character("/"))
        state.type("abc")
        state.press(.escape)
        XCTAssertNotNil(state.prompt, "Esc no longer cancels")
        state.press(.control("q"))
        XCTAssertNil(state.prompt)
    }

    func testRebindingInTheResults() {
        var options = rebound(.close, in: .results, to: [.character("x")])
        options.keyMap = options.keyMap.rebinding(.down, in: .results, to: [.character("J")])
        var state = state(options)
        state.send(.searchIndex(.ready))
        state.press(.character("s"))
        state.type("bridge")
        var request: CollectionSearchRequest?
        for case .searchCollection(let r) in state.send(.key(.enter)) { request = r }
        guard let request else { return XCTFail("no search asked for") }
        state.send(.collectionResults(CollectionSearchTests.answer(request, in: ReaderFixtures.library())))
        state.press(.character("J"))
        guard case .results(let results) = state.overlay else { return XCTFail("no results: \(state.overlay)") }
        state.press(.character("q"))
        XCTAssertEqual(state.overlay, .results(results), "q no longer closes the results")
        state.press(.character("x"))
        XCTAssertEqual(state.overlay, .none)
    }

    func testTheLayoutSettings() {
        let narrow = state(ReaderOptions(layout: ReadingLayout(textWidth: 50)), width: 90)
        XCTAssertEqual(narrow.geometry.columnWidth, 50)
        XCTAssertEqual(narrow.geometry.columnX, 20)
        XCTAssertTrue(narrow.lines.allSatisfy { DisplayWidth.of($0.text) <= 50 })
        let margins = state(ReaderOptions(layout: ReadingLayout(margin: 10)), width: 80)
        XCTAssertEqual(margins.geometry.columnWidth, 60)
        XCTAssertNotNil(state(.standard, width: 120).geometry.pane)
        XCTAssertNil(state(ReaderOptions(layout: ReadingLayout(outlinePane: false)), width: 120).geometry.pane)
        XCTAssertNil(state(ReaderOptions(layout: ReadingLayout(paneMinWidth: 140)), width: 120).geometry.pane)
        XCTAssertNotNil(state(ReaderOptions(layout: ReadingLayout(paneMinWidth: 140)), width: 140).geometry.pane)
    }

    func testSpaceAtTheEndMovesOnWhenAsked() {
        var state = state(ReaderOptions(spaceNextArticle: true), width: 60, height: 12)
        for _ in 0..<40 where state.entryIndex == 0 { state.press(.character(" ")) }
        XCTAssertEqual(state.entryIndex, 1, "Space at the end follows NEXT")
        XCTAssertEqual(state.top, 0)
    }

    // MARK: Themes

    /// Meaning never by colour alone: in every built-in theme, and in mono above all, headings,
    /// matches, the current match and the selection stay apart from the text and from each other.
    func testEveryThemeKeepsMeaningWithoutColour() {
        for name in Theme.names {
            let theme = Theme.builtIn(name)!
            XCTAssertEqual(theme.name, name)
            XCTAssertTrue(theme.indistinguishable().isEmpty, "\(name): \(theme.indistinguishable())")
        }
        XCTAssertTrue(Theme.builtIn("nope") == nil)
    }

    /// The style map of real screens, read in mono: every cell of a heading, a match, the
    /// current match and the selected row looks different from body text and from the others.
    func testMonoKeepsHeadingsMatchesAndTheSelectionApart() {
        // Mono, and every other built-in theme once its colours are gone (NO_COLOR).
        for name in Theme.names { styleMapKeepsMeaning(Theme.builtIn(name)!.withoutColour(), name) }
    }

    func styleMapKeepsMeaning(_ mono: Theme, _ name: String) {
        var state = state(.standard, width: 80, height: 24)
        state.press(.character("/"))
        state.type("accordo")
        state.press(.enter)
        var looks: [ColorRole: Set<[Bool]>] = [:]
        // Body text is the article's; an overlay's plain cells (its bold header) are not body text.
        func collect(_ screen: Screen, body: Bool = true) {
            for row in 1..<(screen.height - 1) {
                for x in 0..<screen.width where screen[row, x].text != " " {
                    let style = screen[row, x].style
                    if style.role == .normal && !body { continue }
                    looks[style.role, default: []].insert(mono.resolve(style).attributes)
                }
            }
        }
        collect(state.screen)
        state.press(.character("3"), .character("]"))
        collect(state.screen)
        state.press(.character("t"))
        collect(state.screen, body: false)
        for role in [ColorRole.normal, .heading, .match, .currentMatch, .selection] {
            XCTAssertNotNil(looks[role], "\(name): \(role) is on the screens")
        }
        let roles: [ColorRole] = [.heading, .match, .currentMatch, .selection]
        for role in roles {
            XCTAssertTrue(
                looks[role, default: []].isDisjoint(with: looks[.normal, default: []]),
                "\(name): \(role) looks like body text")
            for other in roles where other != role {
                XCTAssertTrue(
                    looks[role, default: []].isDisjoint(with: looks[other, default: []]), "\(role) vs \(other)")
            }
        }
        XCTAssertTrue(ColorRole.allCases.allSatisfy { mono.resolve(Style(role: $0)).pair == nil })
    }

    func testNoColorWinsOverTheTheme() {
        XCTAssertFalse(Theme.colourAllowed(environment: ["NO_COLOR": "1"]))
        XCTAssertTrue(Theme.colourAllowed(environment: ["NO_COLOR": ""]))
        XCTAssertTrue(Theme.colourAllowed(environment: [:]))
        let plain = Theme.highContrast.withoutColour()
        for role in ColorRole.allCases { XCTAssertNil(plain.resolve(Style(role: role)).pair, "\(role)") }
        XCTAssertEqual(plain.resolve(.heading).attributes, Theme.highContrast.resolve(.heading).attributes)
    }

    func testReverseVideoSwapsThePairSoTheThemeColoursShow() {
        let match = Theme.standard.resolve(.match)
        XCTAssertTrue(match.reverse)
        XCTAssertEqual(match.pair?.fg, .basic(3))  // yellow as the pair's foreground, reversed into the background
        XCTAssertEqual(match.pair?.bg, .basic(0))
        XCTAssertEqual(Theme.standard.resolve(.heading).pair?.fg, .basic(6))
        XCTAssertEqual(ThemeColor.bright(2).number(colors: 8), 2)
        XCTAssertEqual(ThemeColor.bright(2).number(colors: 256), 10)
        XCTAssertEqual(ThemeColor.index(200).number(colors: 8), -1)
        XCTAssertEqual(try ThemeColor.named("Bright-Cyan"), .bright(6))
        XCTAssertThrowsError(try ThemeColor.named("256"))
    }

    // MARK: Plain mode

    func testPlainModeHasNoPaneNoGlyphsAndNumberedLists() {
        var state = state(ReaderOptions(plain: true), width: 120, height: 24)
        XCTAssertNil(state.geometry.pane, "no side pane, even on a wide window")
        XCTAssertFalse(state.screen.text.contains("│"))
        XCTAssertTrue(
            state.screen.text(row: 23).contains("Now in section 1 of 3: Beginning"), state.screen.text(row: 23))
        state.press(.character("t"))
        let outline = state.screen.text
        XCTAssertFalse(outline.contains("▸"))
        XCTAssertTrue(outline.contains("1. Beginning (current)"), outline)
        XCTAssertTrue(outline.contains("2. Le condizioni dell’accordo"))
        state.press(.escape, .character("l"))
        let list = state.screen.text
        XCTAssertFalse(list.contains("▸"))
        XCTAssertTrue(list.contains("1. Russia. Il governo firma"), list)
        XCTAssertTrue(list.contains("2. 金沢の路地に活版印刷所が復活"))
    }

    func testPlainModeKeepsTheCursorOnTheFocusedLine() {
        var state = state(ReaderOptions(plain: true), width: 80, height: 24)
        XCTAssertEqual(state.screen.cursor?.row, 1)
        state.press(.character("j"), .character("j"))
        XCTAssertEqual(state.screen.cursor?.row, 1 + state.focus - state.top)
        XCTAssertEqual(state.screen.cursor?.column, state.geometry.columnX)
        state.press(.character("3"), .character("]"))
        XCTAssertEqual(state.screen.cursor?.row, 1 + state.focus - state.top)
        XCTAssertEqual(state.lines[state.focus].kind, .heading)
        state.press(.character("t"), .character("k"))
        XCTAssertEqual(state.screen.cursor?.row, state.screen.targets.first { $0.value == .section(1) }?.key)
    }

    func testPlainModeAnnouncesASectionChangeUntilTheNextKey() {
        var state = state(ReaderOptions(plain: true), width: 80, height: 24)
        state.press(.character("]"))
        XCTAssertEqual(state.message, "Now in section 2 of 3: Le condizioni dell’accordo")
        XCTAssertTrue(state.screen.text(row: 23).contains("Now in section 2 of 3: Le condizioni dell’accordo"))
        state.send(.resize(width: 70, height: 20))
        XCTAssertEqual(state.message, "Now in section 2 of 3: Le condizioni dell’accordo", "it stays until a key")
        state.press(.character("j"))
        XCTAssertNil(state.message)
        XCTAssertTrue(state.screen.text(row: 19).contains("Section 2 of 3: Le condizioni"), state.screen.text(row: 19))
        // Another article: its title is said with its section.
        state.press(.character("J"))
        XCTAssertEqual(state.message, "金沢の路地に活版印刷所が復活. Now in section 1 of 3: Beginning")
        // Without plain mode nothing is announced.
        var standard = self.state(.standard)
        standard.press(.character("]"))
        XCTAssertNil(standard.message)
    }
}
