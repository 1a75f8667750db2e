import ArticleKit

#if canImport(Glibc)
    import Glibc
#endif

/// Work on many articles spread over every core, with results handed out in
/// entry order: a command's output is the same as a one-core loop's, and memory
/// stays bounded by one window of results.
enum OrderedWork {
    /// Entries per window: enough to keep both cores busy between two writes,
    /// few enough that a window's results stay small.
    static let window = 512

    static func forEach<R: Sendable>(
        _ entries: [Int], produce: @Sendable (Int) -> R, consume: (Int, R) -> Void
    ) {
        var start = 0
        while start < entries.count {
            let slice = Array(entries[start..<min(entries.count, start + window)])
            for (offset, result) in ParallelMap.map(slice, produce).enumerated() {
                consume(slice[offset], result)
            }
            start += slice.count
        }
    }

    /// Whether a file is big enough to be streamed on its own rather than held in a
    /// window: a 50 MB article is never held whole. Built-in names are not files.
    static func isBig(_ source: String) -> Bool {
        var info = stat()
        return stat(source, &info) == 0 && info.st_size > 1 << 20
    }
}
