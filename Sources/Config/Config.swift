import ArticleKit
import ReaderCore

/// What a config file sets: the reader's options (keys, layout, plain mode), its theme and the mouse.
public struct GazetteConfig: Sendable, Equatable {
    public var options: ReaderOptions
    public var theme: Theme
    public var mouse: Bool

    public init(options: ReaderOptions = .standard, theme: Theme = .standard, mouse: Bool = true) {
        self.options = options
        self.theme = theme
        self.mouse = mouse
    }

    /// Everything as it is without a file.
    public static let standard = GazetteConfig()
}

/// One thing wrong in a config file, where it is: the reader starts anyway, with the default
/// for what was wrong.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// The message quotes the file (keys, values, toml++'s own quote of the input): untrusted
    /// text, sanitised like an article's before it is printed or shown.
    public var description: String { "\(line):\(column): \(TextSanitizer.sanitize(message))" }

    /// The line printed for it: `file:line:column: message`, as compilers print theirs.
    public func line(file: String) -> String { "\(shown(file)):\(description)" }
}

/// A config file read: the settings it makes, and what was wrong in it, in file order.
public struct ConfigResult: Sendable {
    public var config: GazetteConfig
    public var problems: [ConfigProblem]
}
