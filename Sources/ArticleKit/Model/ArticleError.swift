/// Why a file could not be served as an article. Each message fits on one line
/// and says what a person can do about it.
public enum ArticleError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case notReadable(path: String, reason: String)
    case notARegularFile(path: String, kind: String)
    case tooLarge(path: String, bytes: Int64, limit: Int64)
    case empty(path: String)
    case binary(path: String)
    /// A page or note that parsed but holds no text to read (only scripts, only markup).
    case noText(path: String)
    case noArticles(path: String)
    /// A folder under a named one that was not read: a loop, or past the depth (`FolderWalk`).
    case folderSkipped(path: String, reason: String)

    public var description: String {
        let path = shown(self.path)
        switch self {
        case .notFound:
            return "\(path): no such file or folder"
        case .notReadable(_, let reason):
            return "\(path): cannot be read (\(reason))"
        case .notARegularFile(_, let kind):
            return "\(path): skipped, it is a \(kind), not a regular file"
        case .tooLarge(_, let bytes, let limit):
            return "\(path): skipped, \(ByteCount(bytes)) is over the \(ByteCount(limit)) limit for one article"
        case .empty:
            return "\(path): skipped, the file is empty"
        case .binary:
            return "\(path): skipped, it looks like binary data, not text"
        case .noText:
            return "\(path): skipped, the page has no text to read (only markup or scripts)"
        case .noArticles:
            return "\(path): no article files in this folder (see --ext)"
        case .folderSkipped(_, let reason):
            return "\(path): folder not read, \(reason)"
        }
    }

    /// The path the error is about.
    public var path: String {
        switch self {
        case .notFound(let p), .notReadable(let p, _), .notARegularFile(let p, _), .tooLarge(let p, _, _),
            .empty(let p), .binary(let p), .noText(let p), .noArticles(let p),
            .folderSkipped(let p, _):
            return p
        }
    }

    /// The reason without the path, for lists that show the path apart.
    public var reason: String {
        let full = description
        let prefix = shown(path) + ": "
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }
}

/// A byte count a person can read: "50.0 MB".
struct ByteCount: CustomStringConvertible {
    let bytes: Int64
    init(_ bytes: Int64) { self.bytes = bytes }
    var description: String {
        if bytes < 1000 { return "\(bytes) bytes" }
        let units = ["kB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 1000 && unit < units.count - 1 { value /= 1000; unit += 1 }
        let rounded = (value * 10).rounded() / 10
        return "\(rounded) \(units[unit])"
    }
}

/// A path as text output shows it: file names are untrusted too, so control
/// characters and bidirectional overrides in them are neutralised like article text.
/// (JSON output keeps the exact path, escaped.)
/// Bytes of a name that is not UTF-8 (see `FileName`) show as \xNN.
public func shown(_ path: String) -> String {
    let clean = TextSanitizer.sanitize(path)
    guard clean.unicodeScalars.contains(where: { (0xF780...0xF7FF).contains($0.value) }) else { return clean }
    var out = ""
    for scalar in clean.unicodeScalars {
        if (0xF780...0xF7FF).contains(scalar.value) {
            out += "\\x" + String(scalar.value - 0xF700, radix: 16, uppercase: true)
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}
