import ArticleKit

/// Where the reading state lives: `$XDG_STATE_HOME/gazette/state.sqlite`, or
/// `~/.local/state/gazette/state.sqlite`. A fixed path, so people and tests can find it.
public struct StateLocation: Sendable, Equatable {
    public let directory: String
    public var database: String { directory + "/state.sqlite" }

    public init(directory: String) {
        self.directory = directory
    }

    /// Nil when neither `XDG_STATE_HOME` (absolute, as the XDG spec asks) nor `HOME` is set.
    public static func standard(environment: [String: String]) -> StateLocation? {
        BaseDirectory.state.folder(environment: environment).map(StateLocation.init)
    }
}
