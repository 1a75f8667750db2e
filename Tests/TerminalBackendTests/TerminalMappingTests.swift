import CNcurses
import TerminalBackend
import XCTest

@testable import ReaderCore

/// ncurses' codes to the reader's keys, and the reader's looks to ncurses' attributes, without a terminal.
final class TerminalMappingTests: XCTestCase {
    func testEveryFunctionKeyTheReaderUsesIsMapped() {
        let expected: [(Int32, Key)] = [
            (gz_KEY_UP, .up), (gz_KEY_DOWN, .down), (gz_KEY_LEFT, .left), (gz_KEY_RIGHT, .right),
            (gz_KEY_NPAGE, .pageDown), (gz_KEY_PPAGE, .pageUp), (gz_KEY_HOME, .home), (gz_KEY_END, .end),
            (gz_KEY_BACKSPACE, .backspace), (gz_KEY_ENTER, .enter), (gz_KEY_DC, .delete), (gz_KEY_BTAB, .backTab),
        ]
        for (code, key) in expected {
            XCTAssertEqual(TerminalMapping.functionKey(code), .key(key), "\(key)")
        }
        XCTAssertEqual(TerminalMapping.functionKey(gz_KEY_RESIZE), .resize)
        XCTAssertEqual(TerminalMapping.functionKey(gz_KEY_MOUSE), .mouse)
        XCTAssertEqual(TerminalMapping.functionKey(gz_key_f(5)), .ignored, "F5 does nothing")
    }

    func testMouseReportsBecomeClicksAndWheelSteps() {
        XCTAssertEqual(TerminalMapping.mouse(1, row: 3, column: 7), .mouse(.click(row: 3, column: 7)))
        XCTAssertEqual(TerminalMapping.mouse(2, row: 0, column: 0), .mouse(.wheel(-1, row: 0, column: 0)))
        XCTAssertEqual(TerminalMapping.mouse(3, row: 9, column: 1), .mouse(.wheel(1, row: 9, column: 1)))
        XCTAssertNil(TerminalMapping.mouse(0, row: 0, column: 0), "a report the shim does not pass on")
    }

    func testCharactersAndControls() {
        XCTAssertEqual(TerminalMapping.character(27), .key(.escape))
        XCTAssertEqual(TerminalMapping.character(127), .key(.backspace))
        XCTAssertEqual(TerminalMapping.character(8), .key(.backspace), "^H")
        XCTAssertEqual(TerminalMapping.character(10), .key(.enter))
        XCTAssertEqual(TerminalMapping.character(13), .key(.enter))
        XCTAssertEqual(TerminalMapping.character(9), .key(.tab))
        XCTAssertEqual(TerminalMapping.character(1), .key(.control("a")))
        XCTAssertEqual(TerminalMapping.character(3), .key(.control("c")))
        XCTAssertEqual(TerminalMapping.character(26), .key(.control("z")))
        XCTAssertEqual(TerminalMapping.character(0x71), .key(.character("q")))
        XCTAssertEqual(TerminalMapping.character(0x20), .key(.character(" ")))
        XCTAssertEqual(TerminalMapping.character(0xE9), .key(.character("é")))
        XCTAssertEqual(TerminalMapping.character(0x4E2D), .key(.character("中")))
        XCTAssertNil(TerminalMapping.character(0), "NUL")
        XCTAssertNil(TerminalMapping.character(28), "a control with no letter")
        XCTAssertNil(TerminalMapping.character(0xD800), "a surrogate is no scalar")
    }

    func testEachAttributeOfALookIsItsOwnBit() {
        XCTAssertEqual(TerminalMapping.attributes(ResolvedStyle()), gz_A_NORMAL)
        XCTAssertEqual(TerminalMapping.attributes(ResolvedStyle(bold: true)), gz_A_BOLD)
        XCTAssertEqual(TerminalMapping.attributes(ResolvedStyle(underline: true)), gz_A_UNDERLINE)
        XCTAssertEqual(TerminalMapping.attributes(ResolvedStyle(reverse: true)), gz_A_REVERSE)
        XCTAssertEqual(TerminalMapping.attributes(ResolvedStyle(dim: true)), gz_A_DIM)
        let all = ResolvedStyle(bold: true, underline: true, reverse: true, dim: true)
        XCTAssertEqual(TerminalMapping.attributes(all), gz_A_BOLD | gz_A_UNDERLINE | gz_A_REVERSE | gz_A_DIM)
        XCTAssertEqual(TerminalMapping.attributes(ResolvedStyle(fg: .terminalDefault)), gz_A_NORMAL, "colour is apart")
    }

    /// In every theme, two roles that differ in their attributes differ in what ncurses gets: what tells
    /// them apart without colour (NO_COLOR, mono) reaches the terminal.
    func testRolesTheThemeTellsApartStayApartOnTheTerminal() {
        for name in Theme.names {
            let theme = Theme.builtIn(name)!
            let looks = ColorRole.allCases.map { theme.resolve(Style(role: $0)) }
            for a in looks.indices {
                for b in looks.indices where looks[a].attributes != looks[b].attributes {
                    XCTAssertNotEqual(
                        TerminalMapping.attributes(looks[a]), TerminalMapping.attributes(looks[b]),
                        "\(name): \(ColorRole.allCases[a]) and \(ColorRole.allCases[b])")
                }
            }
        }
    }
}
