import ArticleKit
import Foundation
import ReaderCore

/// Finds and reads the config file: `--config FILE`, else `GAZETTE_CONFIG`, else
/// `$XDG_CONFIG_HOME/gazette/config.toml` (default `~/.config/gazette/config.toml`).
public enum ConfigLoader {
    /// The file to read, and whether it was named (a named file must exist; the usual place
    /// may be empty).
    public static func location(explicit: String?, environment: [String: String]) -> (path: String, named: Bool)? {
        if let explicit, !explicit.isEmpty { return (explicit, true) }
        if let named = environment["GAZETTE_CONFIG"], !named.isEmpty { return (named, true) }
        return BaseDirectory.config.folder(environment: environment).map { ($0 + "/config.toml", false) }
    }

    /// Bigger than any config a person writes: a bigger file is a mistake, not a config.
    public static let sizeLimit = 1 << 20

    /// What was read, and one line per problem (`file:line:column: message`).
    public struct Loaded: Sendable {
        public var config: GazetteConfig
        public var path: String?
        public var problems: [String]
        /// The file could not be read at all (missing, a folder, too big, not UTF-8): only defaults.
        public var unreadable = false
    }

    public static func load(explicit: String?, environment: [String: String]) -> Loaded {
        guard let (path, named) = location(explicit: explicit, environment: environment) else {
            return Loaded(config: .standard, path: nil, problems: [])
        }
        return load(path: path, mustExist: named)
    }

    public static func load(path: String, mustExist: Bool) -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let problems = mustExist ? ["\(shown(path)): no such config file; using the defaults"] : []
            return Loaded(config: .standard, path: nil, problems: problems, unreadable: mustExist)
        }
        func failed(_ why: String) -> Loaded {
            Loaded(
                config: .standard, path: path, problems: ["\(shown(path)): \(why); using the defaults"],
                unreadable: true)
        }
        if isDirectory.boolValue { return failed("is a folder, not a config file") }
        guard let handle = FileHandle(forReadingAtPath: path) else { return failed("cannot be read") }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: sizeLimit + 1)) ?? Data()
        if data.count > sizeLimit { return failed("is over \(sizeLimit / 1024) KB, too big for a config file") }
        guard let text = String(data: data, encoding: .utf8) else { return failed("is not UTF-8 text") }
        let result = ConfigReader.read(text)
        return Loaded(config: result.config, path: path, problems: result.problems.map { $0.line(file: path) })
    }
}
