/// What hostile text is made of, written once for the parser's tests (HostileInputTests), the screen's
/// (HostileScreenTests) and any other: terminal escapes of every kind, bidi controls, invisible scalars,
/// a cluster of ten thousand marks.
public enum Hostile {
    public static let esc = "\u{1B}"
    public static let csi = "\u{1B}[2J\u{1B}[31m"
    public static let osc = "\u{1B}]0;PWNED\u{07}"
    /// OSC 52: a write to the clipboard.
    public static let clipboard = "\u{1B}]52;c;cm0gLXJmIH4K\u{07}"
    public static let dcs = "\u{1B}Pq#0;2;0;0;0\u{1B}\\"
    public static let c1 = "\u{9B}2J\u{9D}0;x\u{9C}"
    public static let bidi = "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}"
    public static let zeroWidth = "\u{200B}\u{200C}\u{200D}\u{2060}"
    public static let zalgo = "Z" + String(repeating: "\u{0301}", count: 10_000)
    public static let body =
        "The council met on Tuesday evening to discuss the proposal in detail, and several members asked for more time to read the report before any vote is taken."
    /// Every escape and bidi control above, in a row.
    public static let allControls = csi + osc + clipboard + dcs + c1 + bidi
    /// The escapes, then DEL and backspace: what a title or a paragraph may carry into the screen.
    public static let controls = csi + osc + clipboard + dcs + c1 + "\u{7F}\u{08}"
}
