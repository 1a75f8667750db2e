import TOMLKit

/// A parsed TOML document as plain values, so validation is pure Swift over a tree (and the
/// library's types stay in this file).
indirect enum TOMLNode: Equatable {
    case table([(String, TOMLNode)])
    case array([TOMLNode])
    case string(String)
    case integer(Int)
    case bool(Bool)
    case float(Double)
    /// A date or time: no setting takes one.
    case other(String)

    static func == (a: TOMLNode, b: TOMLNode) -> Bool {
        switch (a, b) {
        case (.table(let x), .table(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let x), .array(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.integer(let x), .integer(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.float(let x), .float(let y)): x == y
        case (.other(let x), .other(let y)): x == y
        default: false
        }
    }

    /// What a person would call this kind of value.
    var kind: String {
        switch self {
        case .table: "a table"
        case .array: "a list"
        case .string: "a string"
        case .integer: "a whole number"
        case .bool: "true or false"
        case .float: "a decimal number"
        case .other: "a date or time"
        }
    }

    /// A TOML syntax error: its message and where it is.
    struct SyntaxError: Error {
        var message: String
        var line: Int
        var column: Int
    }

    static func parse(_ text: String) throws(SyntaxError) -> TOMLNode {
        // toml++ reads C strings: a NUL would end the text early, unseen.
        if let nul = text.firstIndex(of: "\0") {
            let before = text[..<nul]
            let line = before.count { $0 == "\n" } + 1
            let column =
                before.count
                - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            throw SyntaxError(message: "a NUL character is not allowed in a config file", line: line, column: column)
        }
        do {
            return node(try TOMLTable(string: text))
        } catch let error as TOMLParseError {
            // One line: toml++ quotes what it saw, newlines and all.
            let message = String(error.description.map { $0.isNewline || $0 == "\t" ? " " : $0 })
            throw SyntaxError(
                message: message, line: max(1, error.source.begin.line),
                column: max(1, error.source.begin.column))
        } catch {
            throw SyntaxError(message: "\(error)", line: 1, column: 1)
        }
    }

    private static func node(_ value: any TOMLValueConvertible) -> TOMLNode {
        switch value.type {
        case .table:
            guard let table = value.table else { return .other("table") }
            return .table(table.keys.compactMap { key in table[key].map { (key, node($0)) } })
        case .array:
            guard let array = value.array else { return .other("array") }
            return .array(array.map { node($0) })
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .double: return .float(value.double ?? 0)
        default: return .other(value.debugDescription)
        }
    }
}
