/// Which key does what, per context. The help screen, `gazette keys` and the README are
/// generated from the map the reader runs with, so they cannot drift from the keys.
public struct KeyMap: Sendable, Equatable {
    public struct Binding: Sendable, Equatable {
        public var action: Action
        public var keys: [Key]
        public init(action: Action, keys: [Key]) {
            self.action = action
            self.keys = keys
        }
    }

    /// Each context's bindings, in its table's order.
    public private(set) var contexts: [KeyContext: [Binding]]
    /// Key to action, per context: the first binding of a key wins (a valid map has no other).
    private var lookup: [KeyContext: [Key: Action]]

    /// A map from each context's bindings; a context left out has its defaults.
    public init(_ contexts: [KeyContext: [Binding]] = [:]) {
        var all: [KeyContext: [Binding]] = [:]
        for context in KeyContext.allCases {
            all[context] = contexts[context] ?? context.defaults.map { Binding(action: $0.action, keys: $0.keys) }
        }
        self.contexts = all
        lookup = [:]
        for (context, bindings) in all {
            var table: [Key: Action] = [:]
            for binding in bindings { for key in binding.keys where table[key] == nil { table[key] = binding.action } }
            lookup[context] = table
        }
    }

    public static let standard = KeyMap()

    public static func == (a: KeyMap, b: KeyMap) -> Bool { a.contexts == b.contexts }

    public func action(for key: Key, in context: KeyContext) -> Action? {
        lookup[context]?[key]
    }

    /// The article view's command for a key.
    public func command(for key: Key) -> Command? {
        action(for: key, in: .article)?.command
    }

    public func bindings(in context: KeyContext) -> [Binding] { contexts[context] ?? [] }

    public func keys(for action: Action, in context: KeyContext) -> [Key] {
        bindings(in: context).first { $0.action == action }?.keys ?? []
    }

    /// The map with one action's keys replaced (an empty list leaves it unbound).
    public func rebinding(_ action: Action, in context: KeyContext, to keys: [Key]) -> KeyMap {
        var all = contexts
        all[context] = bindings(in: context).map { $0.action == action ? Binding(action: action, keys: keys) : $0 }
        return KeyMap(all)
    }

    /// Keys bound to more than one action in a context, with the actions, in table order.
    public func duplicates(in context: KeyContext) -> [(key: Key, actions: [Action])] {
        var seen: [Key: [Action]] = [:]
        var order: [Key] = []
        for binding in bindings(in: context) {
            for key in binding.keys {
                if seen[key] == nil { order.append(key) }
                if seen[key]?.contains(binding.action) != true { seen[key, default: []].append(binding.action) }
            }
        }
        return order.compactMap { key in seen[key].flatMap { $0.count > 1 ? (key, $0) : nil } }
    }

    /// How the help names an action's key in a hint ("? help"): its first key, or its name when unbound.
    public func label(_ action: Action, in context: KeyContext = .article) -> String {
        keys(for: action, in: context).first?.description ?? action.name
    }

    /// Digits are a count for the next key, as in less and vim; `N]` is how section N is reached.
    public static let digitsSummary = "a count for the next key: 5j 5k, 12g 12G (line 12), 40%, 3] (section 3)"

    /// Help lines of a context: keys, then what they do, in table order. The article view's digits
    /// are one line, where the sections' actions stand; an unbound action is left out.
    public func helpLines(in context: KeyContext = .article) -> [(keys: String, summary: String)] {
        var lines: [(String, String)] = []
        for b in bindings(in: context) {
            if context == .article, b.action == .section1 { lines.append(("0 … 9", Self.digitsSummary)) }
            guard !b.keys.isEmpty else { continue }
            lines.append((b.keys.map(\.description).joined(separator: " "), context.summary(b.action)))
        }
        return lines
    }

    /// The article view's help lines.
    public var helpLines: [(keys: String, summary: String)] { helpLines(in: .article) }
}
