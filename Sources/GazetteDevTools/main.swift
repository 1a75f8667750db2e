import ArgumentParser

/// Development tools, kept out of the shipped `gazette` binary: the benchmarks' timers, the kill
/// test's soak, the heading detector's feature dump and the end-to-end test's crash. Each drives
/// the same library code the reader runs; none is installed by `make install`.
struct GazetteDev: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette-dev",
        abstract: "Gazette's development tools (benchmarks, the kill test's soak, heading features, a crash).",
        subcommands: [
            BenchNext.self, BenchSearch.self, BenchFilter.self, Soak.self, HeadingFeaturesCommand.self, Crash.self,
        ]
    )
}

GazetteDev.main()
