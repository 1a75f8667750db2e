/// Which article, however the collection around it changes: re-indexed, files added
/// or removed. A file is known by its path made canonical (absolute, without `.`,
/// `..` or doubled slashes), a built-in text by its name. Positions, history, read
/// marks and search hits refer to articles by it, never by their place in `entries`.
public struct ArticleID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let key: String

    /// A key taken as it is: a built-in name, or a name in a `MemoryStore`.
    public init(key: String) {
        self.key = key
    }

    /// A file's identity: `path` made absolute against `directory` and canonical.
    /// Lexical only (symlinks are not followed), so it costs no system call.
    public static func file(_ path: String, in directory: String) -> ArticleID {
        let absolute = path.hasPrefix("/") ? path : (directory.hasSuffix("/") ? directory : directory + "/") + path
        return ArticleID(key: isCanonical(absolute) ? absolute : canonical(absolute))
    }

    public var description: String { key }

    public static func < (a: ArticleID, b: ArticleID) -> Bool { a.key < b.key }

    /// True for an absolute path with no component empty, "." or "..": the common case,
    /// checked on bytes so that indexing 100,000 paths does not split each of them.
    static func isCanonical(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        guard path.utf8.first == slash else { return false }
        if path.utf8.count == 1 { return true }
        // Length of the component being read, and how many of its bytes are dots.
        var length = 0, dots = 0
        func badComponent() -> Bool { length == 0 || (dots == length && length <= 2) }
        for byte in path.utf8.dropFirst() {
            if byte == slash {
                if badComponent() { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == dot { dots += 1 }
            }
        }
        return !badComponent()
    }

    static func canonical(_ absolute: String) -> String {
        var parts: [Substring] = []
        for component in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(component)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
