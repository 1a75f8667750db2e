import ArgumentParser
import ArticleKit
import TerminalBackend

/// For the end-to-end test of the crash path (scripts/e2e-reader.sh): the real reader on the
/// real terminal, with a fatal error after its first screen is drawn. The terminal must still
/// be restored, with the message after it. The shipped binary has no such hook.
struct Crash: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the reader, then crash after the first screen (for the end-to-end test)."
    )
    @Argument(help: "Article files or folders.") var paths: [String]
    @OptionGroup var options: DevCollectionOptions

    func run() throws {
        let (library, selected) = try DevLibrary.open(paths, fileExtension: options.fileExtension)
        try ReaderApp.run(
            library: library, start: library.collection.entries[selected[0]].id,
            afterDraw: { fatalError("crash requested by gazette-dev crash") })
    }
}
