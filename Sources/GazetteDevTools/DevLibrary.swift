import ArgumentParser
import ArticleKit
import Foundation

/// Opens what a tool's command line names, as the reader would; what cannot be read is said on stderr.
enum DevLibrary {
    static func open(_ paths: [String], fileExtension: String) throws -> (library: ArticleLibrary, selected: [Int]) {
        let opened: (ArticleLibrary, [Int], [ArticleError])
        do {
            opened = try ArticleLibrary.open(paths: paths, loader: CollectionLoader(fileExtension: fileExtension))
        } catch {
            throw ValidationError(error.description)
        }
        for failure in opened.2 { DevOutput.error(failure.description) }
        guard !opened.1.isEmpty else { throw ValidationError("nothing to read in \(paths.joined(separator: ", "))") }
        return (opened.0, opened.1)
    }
}

/// Options every tool that reads a folder shares (as `gazette`'s `--ext`).
struct DevCollectionOptions: ParsableArguments {
    @Option(name: .customLong("ext"), help: "File name extension of articles in a folder ('' for every file).")
    var fileExtension = "txt"
}

/// Lines on stdout and stderr. A tool's output goes to a script, so plain buffered writes do.
enum DevOutput {
    static func line(_ s: String) { print(s) }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data(("gazette-dev: " + s + "\n").utf8))
    }

    static func milliseconds(_ ns: Int64) -> String { String(format: "%.3f", Double(ns) / 1_000_000) }
}
