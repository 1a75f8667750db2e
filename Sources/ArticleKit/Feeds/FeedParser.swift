import Foundation

/// Reads a feed's bytes, whatever its format: JSON Feed when it opens with `{`, else XML read by
/// libxml2 (`FeedXML`) and handed to the RSS, RDF or Atom reader by its root element. One parser per
/// format, as newsboat has. Anything else fails with a one-line reason.
public enum FeedParser {
    /// Bigger input is refused before it is parsed (the fetcher caps responses lower).
    public static let maxBytes = 64 << 20

    /// `url`: where the feed was fetched from, to make relative links absolute.
    public static func parse(_ bytes: [UInt8], url: String? = nil) throws(FeedError) -> Feed {
        guard bytes.count <= maxBytes else { throw FeedError("too big to be a feed (\(bytes.count >> 20) MB)") }
        var i = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count else { throw FeedError("empty: no feed in the response") }
        let utf16 = bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)
        if bytes[i] == UInt8(ascii: "{") { return try JSONFeedParser.parse(bytes, url: url) }
        if bytes[i] == UInt8(ascii: "<") || utf16 { return try FeedXML.parse(bytes, url: url) }
        if bytes[i] == UInt8(ascii: "[") { throw FeedError("JSON, but not a JSON Feed (a list, not an object)") }
        throw FeedError("not a feed: it is neither XML nor JSON")
    }
}

/// Text helpers the three readers share.
enum FeedText {
    /// Runs of whitespace as one space, trimmed, and made safe (`TextSanitizer`).
    static func clean(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = HTMLText.collapse(TextSanitizer.sanitize(s))
        return t.isEmpty ? nil : t
    }

    /// A title or name that may carry markup or entities ("Fish &amp;amp; chips", "<b>Now</b>"): its
    /// text. Text without `<` or `&` is only cleaned.
    static func plain(fromHTML s: String?) -> String? {
        guard let s else { return nil }
        guard s.contains("<") || s.contains("&") else { return clean(s) }
        let tree = HTMLTree(utf8: Array(("<html><body><p>" + s + "</p></body></html>").utf8))
        guard tree.root >= 0 else { return clean(s) }
        return clean(tree.text(of: tree.root))
    }

    /// Text as HTML: escaped, a paragraph per blank-line-separated run, line breaks kept.
    static func html(fromText s: String) -> String {
        let escaped = s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\r\n", with: "\n")
        return escaped.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }.map { "<p>" + $0.replacingOccurrences(of: "\n", with: "<br>") + "</p>" }
            .joined(separator: "\n")
    }

    /// An address made absolute against `base` (the feed's address, or an `xml:base`); nil when empty.
    static func absolute(_ link: String?, base: String?) -> String? {
        guard let raw = link?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
        let lower = raw.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return raw }
        if let base, let b = URL(string: base), let u = URL(string: raw, relativeTo: b) {
            return u.absoluteURL.absoluteString
        }
        return raw
    }

    /// RSS 2.0 writes an author as "mail@example.com (Name)": the name, else the whole text.
    static func author(_ s: String?) -> String? {
        guard let s = clean(s) else { return nil }
        if let open = s.firstIndex(of: "("), s.hasSuffix(")"), s[..<open].contains("@") {
            let name = s[s.index(after: open)..<s.index(before: s.endIndex)].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        return s
    }
}
