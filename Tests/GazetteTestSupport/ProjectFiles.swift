import Foundation

/// A file of the project itself (the README, a script), for tests that hold documentation to the code.
public func projectFile(_ relative: String) throws -> String {
    // This file is Tests/GazetteTestSupport/ProjectFiles.swift: the project is two folders up.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
}
