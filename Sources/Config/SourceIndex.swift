/// Where each key and array element of a TOML text begins, by its path (`["keys", "article",
/// "quit"]`, elements as `"0"`, `"1"`…), found by a small scanner of our own: the TOML library
/// says where a syntax error is, but not where a well-formed key stands. Only well-formed
/// files are asked about; on anything else it stops early and never traps or loops.
struct SourceIndex {
    struct Position: Equatable, Comparable {
        var line: Int
        var column: Int
        static func < (a: Position, b: Position) -> Bool { (a.line, a.column) < (b.line, b.column) }
    }

    private(set) var keys: [[String]: Position] = [:]
    private(set) var elements: [[String]: [Position]] = [:]
    /// The first of the mistakes toml++ 3 asserts on rather than reports (an abort in a debug
    /// build, undefined behaviour in release): a table header with no name after its bracket
    /// (`[ = 1`), an array element that starts with `}` (`x = [}`). Found here, they are never
    /// handed to it. The fuzz test (GAZETTE_CONFIG_FUZZ=N) hunts for more.
    private(set) var parserTrap: (position: Position, message: String)?

    private let text: [Character]
    private var i = 0
    private var line = 1
    private var column = 1

    init(_ source: String) {
        text = Array(source)
        scan()
    }

    /// Where `path` is written; a path not written (a default, or a parent table header left
    /// implicit) gives its nearest written parent, and the file's start as the last resort.
    func position(_ path: [String]) -> Position {
        var p = path
        while !p.isEmpty {
            if let found = keys[p] { return found }
            p.removeLast()
        }
        return Position(line: 1, column: 1)
    }

    /// Where the `index`-th element of the array at `path` begins.
    func element(_ path: [String], _ index: Int) -> Position {
        if let all = elements[path], all.indices.contains(index) { return all[index] }
        return position(path)
    }

    private var here: Position { Position(line: line, column: column) }
    private var current: Character? { i < text.count ? text[i] : nil }
    private func peek(_ offset: Int) -> Character? { i + offset < text.count ? text[i + offset] : nil }

    private mutating func advance() {
        guard i < text.count else { return }
        if text[i] == "\n" || text[i] == "\r\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        i += 1
    }

    private mutating func skipBlanks(newlines: Bool) {
        while let c = current {
            if c == " " || c == "\t" {
                advance()
            } else if newlines && (c == "\n" || c == "\r\n" || c == "\r") {
                advance()
            } else if c == "#" {
                while let d = current, d != "\n", d != "\r\n" { advance() }
            } else {
                return
            }
        }
    }

    private mutating func skipLine() {
        while let c = current, c != "\n", c != "\r\n" { advance() }
    }

    private mutating func scan() {
        var table: [String] = []
        while current != nil {
            skipBlanks(newlines: true)
            guard let c = current else { return }
            let start = i
            if c == "[" {
                let bracket = here
                advance()
                let arrayOfTables = current == "["
                if arrayOfTables { advance() }
                while current == " " || current == "\t" { advance() }
                let at = here
                if parserTrap == nil, !(current.map(Self.startsKey) ?? false) {
                    parserTrap = (at, "a table header needs a name after [, as in [reading]")
                }
                if let path = keyPath() {
                    table = path
                    // A table is where its header starts.
                    if keys[path] == nil { keys[path] = bracket }
                }
                skipLine()
            } else {
                let at = here
                if let path = keyPath() {
                    skipBlanks(newlines: false)
                    if current == "=" {
                        advance()
                        skipBlanks(newlines: false)
                        let full = table + path
                        if keys[full] == nil { keys[full] = at }
                        value(full, depth: 0)
                    }
                }
                skipLine()
            }
            if i == start { advance() }  // always progress, whatever the text
        }
    }

    static func startsKey(_ c: Character) -> Bool {
        c == "\"" || c == "'" || (c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-"))
    }

    /// A dotted key: bare parts or quoted ones, spaces allowed around the dots.
    private mutating func keyPath() -> [String]? {
        var parts: [String] = []
        while true {
            skipBlanks(newlines: false)
            guard let c = current else { return parts.isEmpty ? nil : parts }
            if c == "\"" || c == "'" {
                guard let s = quoted() else { return nil }
                parts.append(s)
            } else if c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-") {
                var s = ""
                while let d = current, d.isASCII && (d.isLetter || d.isNumber || d == "_" || d == "-") {
                    s.append(d)
                    advance()
                }
                parts.append(s)
            } else {
                return nil
            }
            skipBlanks(newlines: false)
            if current == "." { advance() } else { return parts }
        }
    }

    /// A one-line quoted string, its escapes left as written but for \" and \\.
    private mutating func quoted() -> String? {
        guard let quote = current else { return nil }
        advance()
        var s = ""
        while let c = current, c != "\n", c != "\r\n" {
            advance()
            if c == quote { return s }
            if quote == "\"" && c == "\\", let next = current {
                s.append(next)
                advance()
            } else {
                s.append(c)
            }
        }
        return nil
    }

    /// Skips a value, noting where array elements and inline-table keys begin.
    private mutating func value(_ path: [String], depth: Int) {
        guard depth < 64, let c = current else { return }
        switch c {
        case "[":
            advance()
            var starts: [Position] = []
            while current != nil {
                skipBlanks(newlines: true)
                guard let d = current else { break }
                if d == "]" { advance(); break }
                if d == "}" && parserTrap == nil { parserTrap = (here, "a list ends with ], not }") }
                let start = i
                starts.append(here)
                value(path + [String(starts.count - 1)], depth: depth + 1)
                skipBlanks(newlines: true)
                if current == "," { advance() }
                if i == start { advance() }
            }
            if elements[path] == nil { elements[path] = starts }
        case "{":
            advance()
            while current != nil {
                skipBlanks(newlines: false)
                guard let d = current, d != "\n", d != "\r\n" else { break }
                if d == "}" { advance(); break }
                let start = i
                let at = here
                if let key = keyPath() {
                    skipBlanks(newlines: false)
                    if current == "=" {
                        advance()
                        skipBlanks(newlines: false)
                        if keys[path + key] == nil { keys[path + key] = at }
                        value(path + key, depth: depth + 1)
                    }
                }
                skipBlanks(newlines: false)
                if current == "," { advance() }
                if i == start { advance() }
            }
        case "\"", "'":
            if peek(1) == c && peek(2) == c {
                // A multi-line string: to the closing triple quote.
                for _ in 0..<3 { advance() }
                while current != nil {
                    if current == c && peek(1) == c && peek(2) == c {
                        for _ in 0..<3 { advance() }
                        while current == c { advance() }
                        return
                    }
                    if c == "\"" && current == "\\" { advance() }
                    advance()
                }
            } else {
                _ = quoted()
            }
        default:
            while let d = current, d != ",", d != "]", d != "}", d != "\n", d != "\r\n", d != "#" { advance() }
        }
    }
}
