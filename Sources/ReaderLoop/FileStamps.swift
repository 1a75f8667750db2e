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
/// common editor takes it. The setting is given to a shell as git and less give it (`sh -c 'EDITOR "$@"'`),
/// so "code -w" keeps its arguments and `sh -c '…'` or quotes inside it mean what they say.
public enum EditorCommand {
    /// `$VISUAL`, else `$EDITOR` (an empty one is unset), else vi.
    public static func editor(_ environment: (String) -> String? = { getenv($0).map { String(cString: $0) } })
        -> String
    {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment(name), !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
        }
        return "vi"
    }

    public static func make(path: String, line: Int, editor: String = editor()) -> [String] {
        ["/bin/sh", "-c", editor + " \"$@\"", editor, "+\(line)", path]
    }

    /// What the status line says when the editor did not run, or ended badly; nil when it ran well.
    public static func problem(_ status: Int32?, editor: String) -> String? {
        switch status {
        case 0?: return nil
        case nil: return "Could not start /bin/sh to run the editor “\(editor)”"
        case 127?: return "The editor “\(editor)” was not found: set $VISUAL or $EDITOR to one that runs"
        case 126?: return "The editor “\(editor)” cannot be run: set $VISUAL or $EDITOR to one that runs"
        case let code?:
            return code > 128
                ? "The editor “\(editor)” was stopped by signal \(code - 128); the file was read again"
                : "The editor “\(editor)” ended with status \(code); the file was read again"
        }
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
