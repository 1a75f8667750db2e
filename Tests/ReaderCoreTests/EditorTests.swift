import ArticleKit
import Foundation
import GazetteTestSupport
import ReaderLoop
import XCTest

@testable import ReaderCore

/// `v` (issue 20): the editor setting is given to a shell, as git and less give it, and an editor that
/// cannot run says so instead of "Read again from the file".
final class EditorTests: XCTestCase {
    /// Runs the command `v` would run, with `editor` as the setting; what the editor was handed.
    func handed(_ editor: String, line: Int, path: String) throws -> String {
        let out = NSTemporaryDirectory() + "gazette-editor-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let setting = editor.replacingOccurrences(of: "OUT", with: out)
        let command = EditorCommand.make(path: path, line: line, editor: setting)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    }

    func testTheSettingIsGivenToAShellAsGitDoes() throws {
        // `sh -c '…'` was split on spaces: its script came apart into words.
        XCTAssertEqual(
            try handed("sh -c 'printf \"%s|\" \"$@\" > OUT' editor", line: 7, path: "a b.txt"), "+7|a b.txt|")
        // Arguments in the setting stay; the file's name with a space stays one argument.
        XCTAssertEqual(try handed("printf \"[%s]\" --wait > OUT", line: 3, path: "x y.txt"), "[--wait][+3][x y.txt]")
    }

    func testTheEditorIsVisualThenEditorThenVi() {
        XCTAssertEqual(EditorCommand.editor { ["VISUAL": "nano", "EDITOR": "vim"][$0] }, "nano")
        XCTAssertEqual(EditorCommand.editor { ["VISUAL": " ", "EDITOR": "vim"][$0] }, "vim")
        XCTAssertEqual(EditorCommand.editor { _ in nil }, "vi")
    }

}

extension TerminalEffectsLoopTests {
    /// Issue 20: an editor that cannot run said "Read again from the file", and no error.
    func testAnEditorThatCannotRunSaysSo() throws {
        let path = try write(Self.article)
        let (backend, _) = try run(path, [.press("v"), .pause, .press("q")], outsideStatus: 127)
        guard case .run? = backend.requests.last else { return XCTFail("no editor: \(backend.requests)") }
        let status = try XCTUnwrap(backend.screens.last?.text(row: 11))
        XCTAssertTrue(status.contains("was not found"), status)
        XCTAssertFalse(status.contains("Read again"), status)
        XCTAssertNil(EditorCommand.problem(0, editor: "vi"))
        XCTAssertTrue(EditorCommand.problem(1, editor: "vi")?.contains("status 1") ?? false)
    }
}
