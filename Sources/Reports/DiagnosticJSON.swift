import ArticleKit

extension Diagnostic {
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("kind", .string(kind)), ("message", .string(message))]
        switch self {
        case .unreadable(let e): pairs += [("file", .string(e.path)), ("reason", .string(e.reason))]
        case .dangling(let s, let d, let t):
            pairs += [("file", .string(s)), ("direction", .string(d.rawValue)), ("title", .string(t))]
        case .ambiguousTitle(let t, let ss):
            pairs += [("title", .string(t)), ("files", .array(ss.map(JSONValue.string)))]
        case .notReciprocated(let s, let d, let t, _):
            pairs += [("file", .string(s)), ("direction", .string(d.rawValue)), ("target", .string(t))]
        case .cycle(let a, let b): pairs += [("file", .string(a)), ("target", .string(b))]
        }
        return .object(pairs)
    }
}
