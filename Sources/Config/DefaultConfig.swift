import ReaderCore

/// The complete default file, generated from the same tables the reader runs with: every
/// setting present with a one-line comment, so that used as the config it changes nothing.
public enum DefaultConfig {
    public static var text: String {
        let reading = ReadingSetting.all.map {
            "# \($0.summary)\n\($0.name) = \($0.text(in: .standard))\n"
        }.joined()
        var out = """
            # Gazette's config file: $XDG_CONFIG_HOME/gazette/config.toml (default ~/.config/gazette/config.toml),
            # or the file named by --config FILE or GAZETTE_CONFIG. Every value here is the default, so this
            # file changes nothing until you edit it. `gazette config --check` says what is wrong, with line
            # and column; the reader also starts with a broken file, using the defaults for what is wrong.

            # Plain mode for screen readers: no box drawing, no side pane, numbered lists, the cursor on the focused line.
            plain = \(ReaderOptions.standard.plain)
            # Take the mouse's wheel and clicks (false leaves the terminal's own selection working; --no-mouse too).
            mouse = \(GazetteConfig.standard.mouse)

            [reading]
            \(reading)
            [theme]
            # The built-in theme: \(Theme.names.joined(separator: ", ")). NO_COLOR keeps the attributes only.
            name = "\(Theme.standard.name)"
            # A role's look can be set over the theme's; the roles: \(ColorRole.allCases.map(\.name).joined(separator: ", ")).
            # Each takes bold, underline, reverse, dim (true or false) and fg, bg (default, a colour name such as
            # cyan, bright_cyan, or a number from 0 to 255), for example:
            # heading = { fg = "magenta", underline = true }

            # Keys, per context: each action with the keys that do it, named as the help shows them ("q",
            # "Space", "Enter", "Esc", "Tab", "Ctrl-C" or "C-c", "↓" or "Down", "PgDn", "Home"…). A key may do
            # one action per context; [] leaves an action without a key. `gazette keys` lists what is bound.

            """
        for context in KeyContext.allCases {
            out += "\n[keys.\(context.name)]\n"
            out += "# \(context.title)" + (context.otherKeys.map { "; \($0)" } ?? "") + ".\n"
            for entry in context.defaults {
                out += "# \(entry.summary)\n"
                out += "\(entry.action.name) = [\(entry.keys.map { quoted($0.description) }.joined(separator: ", "))]\n"
            }
        }
        return out
    }

    /// A TOML basic string.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    /// `gazette keys`: the bindings in effect, by context, with each action's name.
    public static func keyTable(_ keys: KeyMap) -> String {
        var out: [String] = []
        for context in KeyContext.allCases {
            if !out.isEmpty { out.append("") }
            out.append("[keys.\(context.name)]  \(context.title)")
            let bindings = keys.bindings(in: context)
            let nameWidth = bindings.map(\.action.name.count).max() ?? 10
            let shown = bindings.map {
                $0.keys.isEmpty ? "(no key)" : $0.keys.map(\.description).joined(separator: " ")
            }
            let keyWidth = shown.map(\.count).max() ?? 10
            for (b, keys) in zip(bindings, shown) {
                let name = b.action.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                let k = keys + String(repeating: " ", count: max(0, keyWidth - keys.count))
                out.append("  \(name)  \(k)  \(context.summary(b.action))")
            }
            if let other = context.otherKeys { out.append("  (\(other))") }
        }
        return out.joined(separator: "\n")
    }
}
