/// A terminal colour a theme names: the terminal's own, one of the eight, a bright one, or an
/// index into a 256-colour palette.
public enum ThemeColor: Sendable, Hashable, CustomStringConvertible {
    case terminalDefault
    case basic(Int)  // 0–7: black red green yellow blue magenta cyan white
    case bright(Int)  // 8–15 on terminals with 16 colours; the basic one elsewhere
    case index(Int)  // 0–255

    public static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Why a colour name is not one: the line a config file's reader gets.
    public struct NameError: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public static func named(_ text: String) throws(NameError) -> ThemeColor {
        let lower = text.lowercased().replacingOccurrences(of: "-", with: "_")
        if lower == "default" || lower == "none" { return .terminalDefault }
        if let i = basicNames.firstIndex(of: lower) { return .basic(i) }
        if lower.hasPrefix("bright_"), let i = basicNames.firstIndex(of: String(lower.dropFirst(7))) {
            return .bright(i)
        }
        if let n = Int(lower) {
            guard (0...255).contains(n) else { throw NameError(description: "colour \(n) is not from 0 to 255") }
            return .index(n)
        }
        throw NameError(
            description: "\"\(text)\" is not a colour: use default, \(basicNames.joined(separator: ", ")), "
                + "bright_ and one of those, or a number from 0 to 255")
    }

    public var description: String {
        switch self {
        case .terminalDefault: "default"
        case .basic(let i): Self.basicNames[i]
        case .bright(let i): "bright_" + Self.basicNames[i]
        case .index(let n): String(n)
        }
    }

    /// The colour number to ask a terminal with `colors` colours for (-1: the terminal's default).
    public func number(colors: Int) -> Int {
        switch self {
        case .terminalDefault: -1
        case .basic(let i): i
        case .bright(let i): colors >= 16 ? 8 + i : i
        case .index(let n): n < colors ? n : (n < 16 ? n % 8 : -1)
        }
    }
}

/// How a theme shows one role: each attribute and colour it sets; what it leaves nil keeps
/// the renderer's attribute (or the terminal's colour).
public struct Look: Sendable, Hashable {
    public var bold: Bool?
    public var underline: Bool?
    public var reverse: Bool?
    public var dim: Bool?
    public var fg: ThemeColor?
    public var bg: ThemeColor?
    /// Whether it sets any attribute (not only colours).
    public var hasAttributes: Bool { bold != nil || underline != nil || reverse != nil || dim != nil }

    public init(
        bold: Bool? = nil, underline: Bool? = nil, reverse: Bool? = nil, dim: Bool? = nil, fg: ThemeColor? = nil,
        bg: ThemeColor? = nil
    ) {
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
        self.fg = fg
        self.bg = bg
    }

    /// `other`'s settings over these.
    public func overridden(by other: Look) -> Look {
        Look(
            bold: other.bold ?? bold, underline: other.underline ?? underline, reverse: other.reverse ?? reverse,
            dim: other.dim ?? dim, fg: other.fg ?? fg, bg: other.bg ?? bg)
    }

    public var hasColour: Bool { fg != nil || bg != nil }
}

/// A cell's final look: attributes, and colours as they should appear.
public struct ResolvedStyle: Sendable, Hashable {
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false
    public var fg: ThemeColor?
    public var bg: ThemeColor?

    /// The attributes alone: what a terminal without colour (or NO_COLOR) shows.
    public var attributes: [Bool] { [bold, underline, reverse, dim] }

    /// The colour pair to give a terminal. Reverse video swaps a pair's colours, so a reversed
    /// cell gets its pair swapped: it shows the theme's colours and still carries the attribute.
    public var pair: (fg: ThemeColor, bg: ThemeColor)? {
        guard fg != nil || bg != nil else { return nil }
        let f = fg ?? .terminalDefault
        let b = bg ?? .terminalDefault
        return reverse ? (b, f) : (f, b)
    }
}

/// Maps roles to attributes and colours. The renderer's attributes stay unless a theme sets
/// them, so that meaning never rests on colour: the built-in themes only add colour to it,
/// except high-contrast, which trades dim for plain text.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var looks: [ColorRole: Look]

    public init(name: String, looks: [ColorRole: Look] = [:]) {
        self.name = name
        self.looks = looks
    }

    public static let names = ["default", "light", "dark", "mono", "high-contrast"]

    public static func builtIn(_ name: String) -> Theme? {
        switch name {
        case "default": standard
        case "light": light
        case "dark": dark
        case "mono": Theme(name: "mono")
        case "high-contrast": highContrast
        default: nil
        }
    }

    private static func c(_ fg: ThemeColor?, _ bg: ThemeColor? = nil) -> Look { Look(fg: fg, bg: bg) }
    private static let black = ThemeColor.basic(0), red = ThemeColor.basic(1), green = ThemeColor.basic(2)
    private static let yellow = ThemeColor.basic(3), blue = ThemeColor.basic(4), magenta = ThemeColor.basic(5)
    private static let cyan = ThemeColor.basic(6), white = ThemeColor.basic(7)

    /// The colours Gazette always had.
    public static let standard = Theme(
        name: "default",
        looks: [
            .titleBar: c(white, blue), .title: c(cyan), .heading: c(cyan), .statusBar: c(black, white),
            .match: c(black, yellow), .currentMatch: c(black, green), .link: c(green),
            .selection: c(white, blue), .error: c(red), .code: c(yellow),
        ])

    /// For dark text on a light background: no cyan or yellow text, which fade on white.
    public static let light = Theme(
        name: "light",
        looks: [
            .titleBar: c(white, blue), .title: c(blue), .heading: c(blue), .statusBar: c(white, black),
            .match: c(black, yellow), .currentMatch: c(white, magenta), .link: c(magenta),
            .selection: c(white, blue), .error: c(red), .code: c(green),
        ])

    /// For light text on a dark background: the bright colours, which stand out on black.
    public static let dark = Theme(
        name: "dark",
        looks: [
            .titleBar: c(.bright(7), blue), .title: c(.bright(6)), .heading: c(.bright(6)),
            .statusBar: c(black, .bright(7)), .match: c(black, .bright(3)), .currentMatch: c(black, .bright(2)),
            .link: c(.bright(2)), .dim: c(.bright(0)), .selection: c(.bright(7), blue), .error: c(.bright(1)),
            .caption: c(.bright(0)), .code: c(.bright(3)),
        ])

    /// Bright colours on black and white, underlined headings and links, nothing dimmed.
    public static let highContrast = Theme(
        name: "high-contrast",
        looks: [
            .titleBar: Look(bold: true, fg: black, bg: .bright(7)),
            .title: Look(bold: true, underline: true, fg: .bright(7)),
            .heading: Look(bold: true, underline: true, fg: .bright(7)),
            .statusBar: Look(fg: black, bg: .bright(7)), .match: Look(fg: black, bg: .bright(3)),
            .currentMatch: Look(bold: true, underline: true, fg: black, bg: .bright(2)),
            .link: Look(underline: true, fg: .bright(6)), .dim: Look(dim: false, fg: .bright(7)),
            .selection: Look(bold: true, fg: black, bg: .bright(6)), .error: Look(bold: true, fg: .bright(1)),
            .caption: Look(dim: false, fg: .bright(3)), .code: Look(fg: .bright(2)),
        ])

    /// The theme with `overrides` set over its looks.
    public func overridden(by overrides: [ColorRole: Look]) -> Theme {
        var theme = self
        for (role, look) in overrides { theme.looks[role] = (looks[role] ?? Look()).overridden(by: look) }
        return theme
    }

    /// The theme a terminal gets: NO_COLOR (or a terminal without colour) keeps the attributes only.
    public func withoutColour() -> Theme {
        var theme = self
        for (role, look) in looks {
            var plain = look
            plain.fg = nil
            plain.bg = nil
            theme.looks[role] = plain
        }
        return theme
    }

    /// NO_COLOR set to anything but the empty string turns colour off (no-color.org).
    public static func colourAllowed(environment: [String: String]) -> Bool {
        (environment["NO_COLOR"] ?? "").isEmpty
    }

    public func resolve(_ style: Style) -> ResolvedStyle {
        let look = looks[style.role] ?? Look()
        return ResolvedStyle(
            bold: look.bold ?? style.bold, underline: look.underline ?? style.underline,
            reverse: look.reverse ?? style.reverse, dim: look.dim ?? style.dim, fg: look.fg, bg: look.bg)
    }

    /// The styles whose meaning must survive without colour, with the renderer's plain text,
    /// and what to call them.
    public static let meaningfulStyles: [(name: String, style: Style)] = [
        ("body", .plain), ("heading", .heading), ("match", .match), ("current_match", .currentMatch),
        ("selection", .selection), ("link", .link),
    ]

    /// Pairs of meaningful styles that look the same in this theme once colour is gone.
    public func indistinguishable() -> [(String, String)] {
        let plain = withoutColour()
        let all = Self.meaningfulStyles.map { ($0.name, plain.resolve($0.style).attributes) }
        var out: [(String, String)] = []
        for i in all.indices {
            for j in all.indices where j > i && all[i].1 == all[j].1 { out.append((all[i].0, all[j].0)) }
        }
        return out
    }
}
