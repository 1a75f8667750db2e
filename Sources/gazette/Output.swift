import ArticleKit
import ReaderCore
import ReaderLoop

#if canImport(Glibc)
    import Glibc
#endif

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

    /// Each article as wrapped text, in entry order. Ordinary articles are laid out
    /// on every core; a big one is streamed on its own, never held whole.
    static func dump(_ library: ArticleLibrary, entries: [Int], width: Int) throws {
        var out = OutputBuffer()
        var first = true
        OrderedWork.forEach(entries) { entry -> DumpPiece in
            if entries.count == 1 || OrderedWork.isBig(library.collection.entries[entry].source) { return .big }
            var text = ""
            do throws(ArticleError) {
                try PlainTextDump.stream(library, entry: entry, width: width) { text += $0 }
                return .text(text)
            } catch {
                return .failed(text, error)
            }
        } consume: { entry, piece in
            if !first { out.append("\n\n") }
            first = false
            switch piece {
            case .text(let text):
                out.append(text)
            case .failed(let partial, let failure):
                out.append(partial)
                out.flush()
                self.error(failure.description)
            case .big:
                do throws(ArticleError) {
                    try PlainTextDump.stream(library, entry: entry, width: width) { out.append($0) }
                } catch {
                    out.flush()
                    self.error(error.description)
                }
            }
        }
        out.flush()
    }
}

/// One article's dump, made off the main thread: its text, what was made before
/// it failed, or a note that it is big enough to be streamed in order instead.
enum DumpPiece: Sendable {
    case text(String)
    case failed(String, ArticleError)
    case big
}

/// Standard output in 64 kB writes rather than a write per line.
struct OutputBuffer {
    private var buffer = ""

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func append(_ s: String) {
        buffer += s
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    mutating func append(_ s: Substring) {
        buffer += s
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        Output.write(buffer, to: STDOUT_FILENO)
        buffer.removeAll(keepingCapacity: true)
    }
}
