import ReaderCore

/// Reads a config file's text into settings. Whatever is wrong gives one problem with its line
/// and column, and the default for that setting; the rest of the file still applies. Never throws.
public enum ConfigReader {
    public static func read(_ text: String) -> ConfigResult {
        let index = SourceIndex(text)
        if let (at, message) = index.parserTrap {
            let problem = ConfigProblem(line: at.line, column: at.column, message: message)
            return ConfigResult(config: .standard, problems: [problem])
        }
        let root: TOMLNode
        do {
            root = try TOMLNode.parse(text)
        } catch {
            // A file that is not TOML says nothing reliable: all defaults.
            return ConfigResult(
                config: .standard,
                problems: [ConfigProblem(line: error.line, column: error.column, message: error.message)])
        }
        var reading = Reading(index: index)
        let config = reading.config(root)
        let problems = reading.problems.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
        return ConfigResult(config: config, problems: problems)
    }

    /// The settings at the top of the file, and the tables.
    static let topLevel = ["plain", "mouse", "reading", "theme", "keys"]
    static var readingKeys: [String] { ReadingSetting.names }
    static let lookKeys = ["bold", "underline", "reverse", "dim", "fg", "bg"]
}

/// One pass over the tree, collecting problems.
private struct Reading {
    let index: SourceIndex
    var problems: [ConfigProblem] = []

    init(index: SourceIndex) { self.index = index }

    mutating func report(_ path: [String], _ message: String) {
        let p = index.position(path)
        problems.append(ConfigProblem(line: p.line, column: p.column, message: message))
    }

    mutating func reportElement(_ path: [String], _ i: Int, _ message: String) {
        let p = index.element(path, i)
        problems.append(ConfigProblem(line: p.line, column: p.column, message: message))
    }

    mutating func config(_ root: TOMLNode) -> GazetteConfig {
        var config = GazetteConfig.standard
        guard case .table(let entries) = root else { return config }
        for (key, value) in entries {
            let path = [key]
            switch key {
            case "plain": if let b = bool(value, path) { config.options.plain = b }
            case "mouse": if let b = bool(value, path) { config.mouse = b }
            case "reading": reading(value, &config.options)
            case "theme": config.theme = theme(value)
            case "keys": config.options.keyMap = keys(value)
            default: unknown(key, path, among: ConfigReader.topLevel, in: "the top level")
            }
        }
        return config
    }

    mutating func unknown(
        _ key: String, _ path: [String], among known: [String], in place: String, what: String = "setting"
    ) {
        var message = "unknown \(what) \"\(key)\" in \(place)"
        if let near = Self.nearest(key, known) { message += "; did you mean \"\(near)\"?" }
        report(path, message + " (known: \(known.joined(separator: ", ")))")
    }

    /// The known name within two edits of `name`, if one is.
    static func nearest(_ name: String, _ known: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for i in 1...max(1, a.count) where !a.isEmpty {
                var previous = row[0]
                row[0] = i
                for j in stride(from: 1, through: b.count, by: 1) {
                    let old = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = old
                }
            }
            return a.isEmpty ? b.count : row[b.count]
        }
        let lower = Array(name.lowercased())
        let scored = known.map { ($0, distance(lower, Array($0))) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    mutating func bool(_ value: TOMLNode, _ path: [String]) -> Bool? {
        if case .bool(let b) = value { return b }
        report(path, "\(path.joined(separator: ".")) must be true or false, not \(value.kind)")
        return nil
    }

    mutating func integer(_ value: TOMLNode, _ path: [String], _ range: ClosedRange<Int>) -> Int? {
        guard case .integer(let n) = value else {
            report(path, "\(path.joined(separator: ".")) must be a whole number, not \(value.kind)")
            return nil
        }
        guard range.contains(n) else {
            report(
                path, "\(path.joined(separator: ".")) must be from \(range.lowerBound) to \(range.upperBound), not \(n)"
            )
            return nil
        }
        return n
    }

    mutating func table(_ value: TOMLNode, _ path: [String]) -> [(String, TOMLNode)]? {
        if case .table(let entries) = value { return entries }
        report(
            path, "\(path.joined(separator: ".")) must be a table ([\(path.joined(separator: "."))]), not \(value.kind)"
        )
        return nil
    }

    // MARK: [reading]

    mutating func reading(_ value: TOMLNode, _ options: inout ReaderOptions) {
        guard let entries = table(value, ["reading"]) else { return }
        for (key, value) in entries {
            let path = ["reading", key]
            guard let setting = ReadingSetting.all.first(where: { $0.name == key }) else {
                unknown(key, path, among: ConfigReader.readingKeys, in: "[reading]")
                continue
            }
            switch setting.value {
            case .number(let range, _, let set): if let n = integer(value, path, range) { set(&options, n) }
            case .flag(_, let set): if let b = bool(value, path) { set(&options, b) }
            }
        }
    }

    // MARK: [theme]

    mutating func theme(_ value: TOMLNode) -> Theme {
        guard let entries = table(value, ["theme"]) else { return .standard }
        var base = Theme.standard
        var overrides: [ColorRole: Look] = [:]
        let roles = ColorRole.allCases.map(\.name)
        for (key, value) in entries {
            let path = ["theme", key]
            if key == "name" {
                guard case .string(let name) = value else {
                    report(path, "theme.name must be a string, one of \(Theme.names.joined(separator: ", "))")
                    continue
                }
                if let theme = Theme.builtIn(name) {
                    base = theme
                } else {
                    report(path, "there is no theme \"\(name)\" (built in: \(Theme.names.joined(separator: ", ")))")
                }
                continue
            }
            guard let role = ColorRole(rawValue: key) else {
                unknown(key, path, among: ["name"] + roles, in: "[theme]")
                continue
            }
            if let look = look(value, path) { overrides[role] = look }
        }
        var theme = base.overridden(by: overrides)
        // Meaning never by colour alone: an override that makes two meanings look alike without
        // colour loses its attributes (its colours stay). Checked again after each change, as
        // taking one role's attributes away may make it look like another.
        var reported = Set<String>()
        while let (a, b) = theme.indistinguishable().first(where: { pair in
            [pair.0, pair.1].contains { name in
                ColorRole.allCases.contains {
                    ($0.name == name || (name == "body" && $0 == .normal))
                        && overrides[$0].map(\.hasAttributes) ?? false
                }
            }
        }) {
            let culprits = [a, b].compactMap { name in
                ColorRole.allCases.first { $0.name == name || (name == "body" && $0 == .normal) }
            }.filter { overrides[$0] != nil }
            guard !culprits.isEmpty, reported.insert(a + " " + b).inserted else { break }
            report(
                ["theme", culprits[0].name],
                "\(a) and \(b) would look the same without colour (NO_COLOR, a mono terminal): "
                    + "the attributes set for \(culprits.map(\.name).joined(separator: " and ")) are not used")
            for role in culprits {
                var look = overrides[role] ?? Look()
                look.bold = nil
                look.underline = nil
                look.reverse = nil
                look.dim = nil
                overrides[role] = look
            }
            theme = base.overridden(by: overrides)
        }
        return theme
    }

    mutating func look(_ value: TOMLNode, _ path: [String]) -> Look? {
        guard let entries = table(value, path) else { return nil }
        var look = Look()
        for (key, value) in entries {
            let here = path + [key]
            switch key {
            case "bold": look.bold = bool(value, here)
            case "underline": look.underline = bool(value, here)
            case "reverse": look.reverse = bool(value, here)
            case "dim": look.dim = bool(value, here)
            case "fg", "bg":
                var color: ThemeColor?
                do throws(ThemeColor.NameError) {
                    switch value {
                    case .string(let s): color = try ThemeColor.named(s)
                    case .integer(let n): color = try ThemeColor.named(String(n))
                    default:
                        report(here, "\(key) must be a colour name or a number from 0 to 255, not \(value.kind)")
                    }
                } catch {
                    report(here, error.description)
                }
                if key == "fg" { look.fg = color } else { look.bg = color }
            default:
                unknown(key, here, among: ConfigReader.lookKeys, in: "[\(path.joined(separator: "."))]")
            }
        }
        return look
    }

    // MARK: [keys]

    /// One action's keys as written: each key with where it stands.
    struct Written {
        var action: Action
        var keys: [(key: Key, index: Int)]
        var path: [String]
        var position: SourceIndex.Position
    }

    mutating func keys(_ value: TOMLNode) -> KeyMap {
        guard let entries = table(value, ["keys"]) else { return .standard }
        var written: [KeyContext: [Written]] = [:]
        let contexts = KeyContext.allCases.map(\.name)
        for (key, value) in entries {
            if case .table(let actions) = value {
                guard let context = KeyContext(rawValue: key) else {
                    unknown(key, ["keys", key], among: contexts, in: "[keys]", what: "context")
                    continue
                }
                for (name, list) in actions {
                    if let w = action(name, list, context, ["keys", key, name]) {
                        written[context, default: []].append(w)
                    }
                }
            } else if let w = action(key, value, .article, ["keys", key]) {
                // `[keys]` itself holds the article view's actions, as `quit = ["q"]`.
                written[.article, default: []].append(w)
            }
        }
        var contextsBound: [KeyContext: [KeyMap.Binding]] = [:]
        for context in KeyContext.allCases {
            contextsBound[context] = bind(context, written[context] ?? [])
        }
        return KeyMap(contextsBound)
    }

    mutating func action(_ name: String, _ value: TOMLNode, _ context: KeyContext, _ path: [String]) -> Written? {
        guard let action = Action(rawValue: name), context.actions.contains(action) else {
            let known = context.actions.map(\.name)
            var message = "unknown action \"\(name)\" in [keys.\(context.name)]"
            if let near = Self.nearest(name, known) { message += "; did you mean \"\(near)\"?" }
            report(path, message + " (`gazette keys` lists them)")
            return nil
        }
        let items: [TOMLNode]
        switch value {
        case .array(let list): items = list
        case .string: items = [value]  // one key needs no brackets
        default:
            report(path, "\(name) must be a list of key names, as [\"q\", \"C-c\"], not \(value.kind)")
            return nil
        }
        var keys: [(Key, Int)] = []
        for (i, item) in items.enumerated() {
            guard case .string(let text) = item else {
                reportElement(path, i, "a key name is a string, as \"q\" or \"C-c\", not \(item.kind)")
                continue
            }
            do throws(Key.NameError) {
                let key = try Key.named(text)
                if context.typesText(key), let why = context.typedAs {
                    reportElement(
                        path, i,
                        "\(key) cannot be bound in [keys.\(context.name)]: \(why); use a named or Ctrl key "
                            + "(as \"Down\" or \"C-n\")")
                } else if keys.contains(where: { $0.0 == key }) {
                    reportElement(path, i, "\(key) is listed twice for \(name)")
                } else {
                    keys.append((key, i))
                }
            } catch {
                reportElement(path, i, error.description)
            }
        }
        return Written(action: action, keys: keys, path: path, position: index.position(path))
    }

    /// A context's bindings: its defaults, with the written actions' keys in their place. A key
    /// written for two actions stays with the first in the file; a written key that was another
    /// action's out of the box leaves it. Both are reported: nothing is shadowed unsaid.
    mutating func bind(_ context: KeyContext, _ written: [Written]) -> [KeyMap.Binding] {
        let order = written.sorted { $0.position < $1.position }
        var bindings = context.defaults.map { KeyMap.Binding(action: $0.action, keys: $0.keys) }
        let explicit = Set(order.map(\.action))
        var owner: [Key: (action: Action, path: [String])] = [:]
        var kept: [Action: [Key]] = [:]
        for w in order {
            var keys: [Key] = []
            for (key, i) in w.keys {
                if let first = owner[key], first.action != w.action {
                    let at = index.position(first.path)
                    reportElement(
                        w.path, i,
                        "\(key) is bound to both \(first.action.name) (line \(at.line)) and \(w.action.name) "
                            + "in [keys.\(context.name)]; \(first.action.name) keeps it")
                    continue
                }
                owner[key] = (w.action, w.path)
                keys.append(key)
            }
            kept[w.action] = keys
        }
        for (n, binding) in bindings.enumerated() {
            if let keys = kept[binding.action] {
                bindings[n].keys = keys
            } else if !explicit.contains(binding.action) {
                bindings[n].keys = binding.keys.filter { key in
                    guard let taker = owner[key] else { return true }
                    let i = order.first { $0.path == taker.path }?.keys.first { $0.key == key }?.index ?? 0
                    reportElement(
                        taker.path, i,
                        "\(key) is \(binding.action.name)'s key out of the box, and now \(taker.action.name)'s "
                            + "in [keys.\(context.name)]: give \(binding.action.name) its keys "
                            + "(\(binding.action.name) = [...]) to say which")
                    return false
                }
            }
        }
        // Every context keeps a way out (quit in the article view, close or cancel elsewhere).
        if let out = context.wayOut, let q = bindings.firstIndex(where: { $0.action == out }), bindings[q].keys.isEmpty
        {
            let taken = Set(bindings.flatMap(\.keys))
            let defaults = context.defaults.first { $0.action == out }?.keys ?? [.escape]
            var fallback = defaults.filter { !taken.contains($0) }
            if fallback.isEmpty {
                // Every quit key went to something else: the first comes back to quit.
                fallback = [defaults[0]]
                for n in bindings.indices { bindings[n].keys.removeAll { $0 == defaults[0] } }
            }
            report(
                order.first { $0.action == out }?.path ?? ["keys"],
                "\(out.name) must keep a key; it keeps \(fallback.map(\.description).joined(separator: " "))")
            bindings[q].keys = fallback
        }
        return bindings
    }
}
