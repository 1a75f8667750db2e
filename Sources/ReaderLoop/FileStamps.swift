import ReaderCore

#if canImport(Glibc)
    import Glibc
#endif

/// What the file watch and `=` know of a file: its size and change time, by stat(2).
public enum FileStamps {
    /// nil for what is not a regular file on disk (built-in and in-memory articles have no path).
    public static func read(_ path: String) -> Document.FileStamp? {
        var info = Glibc.stat()
        guard fstatat(AT_FDCWD, path, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        return Document.FileStamp(path: path, size: Int(info.st_size), modified: modified)
    }

    public static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }
}

/// The command `v` runs: `$VISUAL`, else `$EDITOR`, else vi, with `+LINE FILE` as every
/// common editor takes it. Through sh, so an editor set as "code -w" keeps its arguments.
public enum EditorCommand {
    public static func make(path: String, line: Int) -> [String] {
        ["/bin/sh", "-c", "exec ${VISUAL:-${EDITOR:-vi}} \"+$1\" \"$2\"", "gazette-editor", String(line), path]
    }

    /// The 1-based line of the file where `text` starts: the first line holding its first words
    /// (a paragraph's line breaks in the file differ from the layout's); 1 when none does.
    public static func line(of text: String, inFileAt path: String) -> Int {
        guard let file = fopen(path, "r") else { return 1 }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n <= 0 { break }
            bytes += chunk[..<n]
        }
        return line(of: text, in: String(decoding: bytes, as: UTF8.self))
    }

    static func line(of text: String, in file: String) -> Int {
        let words = text.split(separator: " ").prefix(4).joined(separator: " ")
        guard !words.isEmpty else { return 1 }
        var number = 0
        for line in file.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if line.contains(words) { return number }
        }
        return 1
    }
}
