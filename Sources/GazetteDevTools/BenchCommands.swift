import ArgumentParser
import ArticleKit

/// For `make bench`: the core's time per press of `n`.
struct BenchNext: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-next",
        abstract: "Time following NEXT in the reader's core (for the benchmark)."
    )
    @Argument(help: "A folder of articles.") var path: String
    @Option(help: "How many presses of n.") var presses = 1000
    @OptionGroup var options: DevCollectionOptions

    func run() throws {
        let library = try DevLibrary.open([path], fileExtension: options.fileExtension).library
        let result = FollowBenchmark.run(
            library: library, chains: ChainBuilder.build(library.collection), presses: presses)
        let ms = DevOutput.milliseconds
        DevOutput.line(
            "presses \(presses) median_ms \(ms(result.median)) p99_ms \(ms(result.p99)) worst_ms \(ms(result.worst))")
    }
}

/// For `make bench`: `/` on one article, timed in the reader's core.
struct BenchSearch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-search",
        abstract: "Time an in-article search in the reader's core (for the benchmark)."
    )
    @Argument(help: "An article file.") var path: String
    @Option(help: "What to search for.") var query: String
    @OptionGroup var options: DevCollectionOptions

    func run() throws {
        let (library, selected) = try DevLibrary.open([path], fileExtension: options.fileExtension)
        let result = SearchBenchmark.run(library: library, entry: selected[0], query: query)
        let ms = DevOutput.milliseconds
        let keys = result.keyNanoseconds.sorted()
        DevOutput.line(
            "first_match_ms \(ms(result.firstMatchNanoseconds)) counted_ms \(ms(result.countedNanoseconds)) "
                + "matches \(result.matches) keys \(keys.count) key_median_ms \(ms(keys[keys.count / 2])) "
                + "key_worst_ms \(ms(keys.last ?? 0))")
        DevOutput.line("status: " + result.status.trimmingCharacters(in: .whitespaces))
    }
}

/// For the archive bench (issue 21): the article list's filter, a key at a time, timed in the core.
struct BenchFilter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-filter",
        abstract: "Time the article list's filter per key in the reader's core (for the benchmark)."
    )
    @Argument(help: "A folder of articles.") var path: String
    @Option(help: "What to type into the filter.") var text = "council river"
    @OptionGroup var options: DevCollectionOptions

    func run() throws {
        let library = try DevLibrary.open([path], fileExtension: options.fileExtension).library
        let result = FilterBenchmark.run(library: library, text: text)
        let ms = DevOutput.milliseconds
        let typed = result.typed.sorted(), deleted = result.deleted.sorted()
        DevOutput.line(
            "entries \(library.collection.entries.count) keys \(typed.count) matches \(result.matches) "
                + "type_median_ms \(ms(typed[typed.count / 2])) type_worst_ms \(ms(typed.last ?? 0)) "
                + "delete_median_ms \(ms(deleted[deleted.count / 2])) delete_worst_ms \(ms(deleted.last ?? 0))")
    }
}
