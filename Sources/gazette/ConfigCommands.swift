import ArgumentParser
import Config
import Foundation
import ReaderCore

/// The config file options the reader and `gazette keys` share.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "The config file (default: $GAZETTE_CONFIG, else $XDG_CONFIG_HOME/gazette/config.toml).",
            valueName: "file"))
    var file: String?

    func load() -> ConfigLoader.Loaded {
        ConfigLoader.load(explicit: file, environment: ProcessInfo.processInfo.environment)
    }
}

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the default config file, or check one.",
        discussion: "Exit status of --check: 0 when the file is fine, 1 when something in it is wrong, "
            + "2 when it cannot be read."
    )

    @Flag(name: .customLong("default"), help: "Print the complete default config file.")
    var printDefault = false

    @Flag(help: "Check a config file and print one line per problem (file:line:column: message).")
    var check = false

    @Argument(help: "The file to check (default: the one the reader would read).")
    var file: String?

    func validate() throws {
        if printDefault == check { throw ValidationError("give one of --default and --check") }
        if printDefault && file != nil { throw ValidationError("--default takes no file") }
    }

    func run() throws {
        if printDefault {
            Output.write(DefaultConfig.text, to: STDOUT_FILENO)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        guard let (path, named) = ConfigLoader.location(explicit: file, environment: environment) else {
            throw UsageFailure(message: "no config file: name one, or set GAZETTE_CONFIG, XDG_CONFIG_HOME or HOME")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            // None in the usual place is no mistake: the reader runs on the defaults.
            if !named { return Output.line("\(path): no config file there; the defaults apply") }
            throw UsageFailure(message: "\(path): no such config file")
        }
        let loaded = ConfigLoader.load(path: path, mustExist: true)
        for problem in loaded.problems { Output.line(problem) }
        if loaded.problems.isEmpty {
            Output.line("\(path): no problems")
        } else if loaded.unreadable {
            throw ExitCode(2)
        } else {
            throw ExitCode(1)
        }
    }
}

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List the keys in effect, per context, with each action's name for the config file."
    )

    @OptionGroup var config: ConfigOptions

    func run() throws {
        let loaded = config.load()
        for problem in loaded.problems { Output.error(problem) }
        Output.line(DefaultConfig.keyTable(loaded.config.options.keyMap))
    }
}
