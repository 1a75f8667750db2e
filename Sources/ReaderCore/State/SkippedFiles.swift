import ArticleKit

/// Files named or found in a folder that could not be read (empty, binary, too big…). The reader
/// says so once in the status line, by file name, and lists each on stderr once the screen is
/// restored, as the scripting commands list them.
public enum SkippedFiles {
    /// The status line's one sentence, or nil when nothing was skipped.
    public static func notice(_ failures: [ArticleError]) -> String? {
        guard let first = failures.first else { return nil }
        let more = failures.count - 1
        return shortened(first) + (more == 0 ? " (printed again on exit)" : " (and \(more) more, printed on exit)")
    }

    /// The error with its path cut to the file's name: the status line is narrow.
    static func shortened(_ failure: ArticleError) -> String {
        let text = failure.description
        let path = shown(failure.path)
        guard let name = failure.path.split(separator: "/").last, text.hasPrefix(path) else { return text }
        return shown(String(name)) + text.dropFirst(path.count)
    }
}
