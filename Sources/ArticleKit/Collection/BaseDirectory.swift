import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where Gazette keeps what it writes, by the XDG base-directory rules: `$XDG_CACHE_HOME/gazette`
/// (else `~/.cache/gazette`) for what can be made again, `$XDG_STATE_HOME/gazette` (else
/// `~/.local/state/gazette`) for what a person would miss, and `$XDG_CONFIG_HOME/gazette` (else
/// `~/.config/gazette`) for what a person writes (the config file), and `$XDG_DATA_HOME/gazette`
/// (else `~/.local/share/gazette`) for the archive `gazette fetch` writes. A relative XDG value is
/// ignored, as the specification asks.
public enum BaseDirectory: Sendable {
    case cache, state, config, data

    var variable: String {
        switch self {
        case .cache: "XDG_CACHE_HOME"
        case .state: "XDG_STATE_HOME"
        case .config: "XDG_CONFIG_HOME"
        case .data: "XDG_DATA_HOME"
        }
    }
    var fallback: String {
        switch self {
        case .cache: "/.cache"
        case .state: "/.local/state"
        case .config: "/.config"
        case .data: "/.local/share"
        }
    }

    /// Gazette's folder of this kind; nil when neither the variable nor `HOME` is set.
    public func folder(environment: [String: String]) -> String? {
        if let xdg = environment[variable], xdg.hasPrefix("/") { return xdg + "/gazette" }
        if let home = environment["HOME"], !home.isEmpty { return home + fallback + "/gazette" }
        return nil
    }
}

extension BaseDirectory {
    /// What a Foundation file error says, as the system words it ("Permission denied").
    public static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }

    /// Makes `directory` (and its parents) when missing; nil when it is a writable folder, else
    /// why it cannot be used, in a few words.
    public static func prepare(_ directory: String) -> String? {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return reason(error)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "not a folder"
        }
        return access(directory, W_OK | X_OK) == 0 ? nil : "not writable"
    }
}
