import ArticleKit

/// Key names as the help shows them (`Ctrl-C`, `Enter`, `Space`, `↓`, `PgDn`, single characters),
/// and the spellings people bring from other programs (`C-c`, `^C`, `Down`, `PageDown`, `Return`).
extension Key {
    /// Why a name is not a key: one line a person can act on.
    public struct NameError: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Named keys, matched without regard to case; the first name of each is the help's.
    static let names: [(names: [String], key: Key)] = [
        (["Space", "Spc"], .character(" ")),
        (["Enter", "Return", "RET", "CR"], .enter),
        (["Esc", "Escape"], .escape),
        (["Tab"], .tab),
        (["Shift-Tab", "S-Tab", "BackTab", "BTab"], .backTab),
        (["Backspace", "BS", "BkSp"], .backspace),
        (["Del", "Delete", "DC"], .delete),
        (["↑", "Up"], .up),
        (["↓", "Down"], .down),
        (["←", "Left"], .left),
        (["→", "Right"], .right),
        (["PgUp", "PageUp", "PPage", "Prior"], .pageUp),
        (["PgDn", "PageDown", "NPage", "Next"], .pageDown),
        (["Home"], .home),
        (["End"], .end),
    ]

    /// The key a name stands for.
    public static func named(_ text: String) throws(NameError) -> Key {
        if text.isEmpty { throw NameError(description: "an empty key name (a space is \"Space\")") }
        let lower = text.lowercased()
        for entry in names where entry.names.contains(where: { $0.lowercased() == lower }) { return entry.key }
        if text.count == 1, let c = text.first {
            if c.isWhitespace && c != " " { throw NameError(description: "a whitespace character is not a key") }
            if c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw NameError(description: "a control character is not a key name: write it as C-x")
            }
            // Invisible characters (direction overrides, zero widths) would show as nothing, or turn the
            // help's line around.
            if c.unicodeScalars.contains(where: {
                TextSanitizer.needsChange($0) || $0.properties.generalCategory == .format
            }) {
                throw NameError(description: "an invisible character is not a key name")
            }
            return .character(c)
        }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            return try control(String(text.dropFirst(prefix.count)), whole: text)
        }
        throw NameError(
            description: "\"\(text)\" is not a key name: use one character, C-x for Ctrl, or one of "
                + names.compactMap { $0.names.first { $0.first?.isASCII ?? false } }.joined(separator: " "))
    }

    /// Ctrl and a letter. Some never reach the reader as Ctrl: the terminal sends them as other keys.
    static func control(_ rest: String, whole: String) throws(NameError) -> Key {
        guard rest.count == 1, let c = rest.lowercased().first, c.isASCII, c.isLetter else {
            throw NameError(description: "\"\(whole)\" is not a key name: Ctrl goes with one letter, as in C-x")
        }
        let arrivesAs: [Character: String] = ["h": "Backspace", "i": "Tab", "j": "Enter", "m": "Enter"]
        if let other = arrivesAs[c] {
            throw NameError(description: "\"\(whole)\" arrives from the terminal as \(other): bind \(other)")
        }
        return .control(c)
    }
}
