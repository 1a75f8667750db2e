#if canImport(Glibc)
import Glibc
#endif
import ArticleKit
import ReaderCore

/// Writes to stdout and stderr. A closed pipe (`gazette dump | head -1`) ends the
/// program quietly instead of crashing it.
enum Output {
    static func line(_ s: String) {
        write(s + "\n", to: STDOUT_FILENO)
    }

    static func error(_ s: String) {
        write("gazette: " + s + "\n", to: STDERR_FILENO)
    }

    static func write(_ s: String, to fd: Int32) {
        var s = s
        s.withUTF8 { buffer in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { exit(0) }
                    return
                }
                done += n
            }
        }
    }

    static func report(_ failures: [ArticleError]) {
        for failure in failures { error(failure.description) }
    }

    static func dump(_ library: ArticleLibrary, entries: [Int], width: Int) throws {
        for (n, entry) in entries.enumerated() {
            switch library.article(entry) {
            case .success(let article):
                if n > 0 { line("\n") }
                line(PlainTextDump.render(article, links: library.collection.resolutions[entry], collection: library.collection, width: width))
            case .failure(let e):
                error(e.description)
            }
        }
    }
}
