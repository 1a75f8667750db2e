import ArticleKit
import GazetteTestSupport
import XCTest

@testable import ReaderCore

/// What a click hits comes from the state and the geometry (`Targets`), by the same rules the renderer
/// lays rows out with (`ListWindow`, `OutlinePane`): the two never disagree, and the mouse never draws.
final class TargetsTests: XCTestCase {
    /// Each overlay with rows to click, and none, at a narrow and a wide window (the outline pane).
    func states() -> [(String, ReaderState)] {
        var found: [(String, ReaderState)] = []
        for (width, height) in [(60, 12), (120, 30)] {
            func reader(_ keys: String) -> ReaderState {
                var state = LessFixtures.state(2, width: width, height: height)
                state.press(.character("m"), .character("a"), .character("m"), .character("B"))
                state.press(.character("l"), .character("k"), .enter)  // something read lately besides this
                state.press(.character("l"), .character("j"), .enter)
                for c in keys { state.press(.character(c)) }
                return state
            }
            for keys in ["", "10j", "t", "tjj", "l", "ljj", "l/c", "?", "B", "r"] {
                found.append(("\(keys)@\(width)", reader(keys)))
            }
            var results = reader("")
            results.send(.searchIndex(.ready))
            results.press(.character("s"))
            results.type("town")
            results.press(.enter)
            guard case .results(let asked) = results.overlay else { continue }
            let hits = (0..<3).map { i in
                SearchHit(path: "c.txt", title: "Hit \(i)", section: i + 1, heading: "Part", score: Double(i))
            }
            results.send(.collectionResults(CollectionResults(generation: asked.generation, hits: hits)))
            found.append(("results@\(width)", results))
        }
        return found
    }

    func testTheMouseSeesWhatTheRendererDraws() {
        var overlays = Set<String>()
        for (name, state) in states() {
            let screen = Renderer.render(state)
            XCTAssertEqual(Targets.all(in: state), screen.targets, name)
            for row in 0..<state.geometry.height {
                XCTAssertEqual(Targets.target(atRow: row, in: state), screen.targets[row], "\(name) row \(row)")
            }
            overlays.insert(String(describing: state.overlay).prefix(while: { $0 != "(" }).description)
        }
        XCTAssertEqual(overlays, ["none", "outline", "list", "help", "marks", "recent", "results"], "\(overlays)")
    }

    func testAListOverThePaneHidesItsEntriesFromTheMouse() {
        var state = LessFixtures.state(2, width: 120, height: 30)
        XCTAssertNotNil(state.geometry.pane, "a wide window shows the outline beside the article")
        state.press(.character("l"))
        let below = state.geometry.bodyTop + state.geometry.bodyHeight - 1
        XCTAssertNil(Targets.target(atRow: below, in: state), "no entry under the three rows of the list")
        state.send(.mouse(.click(row: below, column: 110)))
        guard case .list = state.overlay else { return XCTFail("a click on no entry leaves the list open") }
        XCTAssertEqual(state.currentSection, 0, "and does not jump to a section of the pane under it")
    }

    func testTheListWindowKeepsTheSelectionInTheMiddle() {
        let g = Geometry(width: 60, height: 12, wantsPane: false)
        let window = ListWindow(count: 100, selection: 50, geometry: g)
        XCTAssertEqual(window.entries, 46..<54)
        XCTAssertEqual(window.entry(atRow: window.firstRow), 46)
        XCTAssertNil(window.entry(atRow: window.firstRow - 1))
        XCTAssertNil(window.entry(atRow: window.firstRow + 8))
        XCTAssertEqual(ListWindow(count: 3, selection: 2, geometry: g).entries, 0..<3)
    }
}
