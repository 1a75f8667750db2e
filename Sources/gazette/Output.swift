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

    /// Streams each article: a 50 MB file is never held whole, and output goes out
    /// in 64 kB writes rather than a write per line.
    static func dump(_ library: ArticleLibrary, entries: [Int], width: Int) throws {
        var buffer = ""
        buffer.reserveCapacity(1 << 16)
        func emit(_ s: String) {
            buffer += s
            if buffer.utf8.count >= 1 << 16 { write(buffer, to: STDOUT_FILENO); buffer.removeAll(keepingCapacity: true) }
        }
        for (n, entry) in entries.enumerated() {
            if n > 0 { emit("\n\n") }
            do throws(ArticleError) {
                try PlainTextDump.stream(library, entry: entry, width: width, write: emit)
            } catch {
                write(buffer, to: STDOUT_FILENO)
                buffer.removeAll()
                self.error(error.description)
            }
        }
        write(buffer, to: STDOUT_FILENO)
    }
}
