import ArticleKit
import Foundation

/// A feed to fetch: its address, and the name and tags the feeds file gives it.
public struct FeedSource: Sendable, Equatable {
    public var url: String
    public var name: String?
    public var tags: [String]
    public init(url: String, name: String? = nil, tags: [String] = []) {
        self.url = url
        self.name = name
        self.tags = tags
    }
}

/// The feeds file, `$XDG_CONFIG_HOME/gazette/feeds`, as newsboat's urls file: one feed a line, its
/// address first, then tags, a `"~Name"` tag naming it; words with spaces in double quotes; `#`
/// starts a comment line; blank lines are skipped. newsboat's `query:`, `exec:` and `filter:` lines
/// are not feeds Gazette fetches: each is reported and skipped.
public enum FeedList {
    public static func parse(_ text: String, file: String = "feeds") -> (feeds: [FeedSource], problems: [String]) {
        var feeds: [FeedSource] = []
        var problems: [String] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = tokens(line)
            guard let url = words.first else { continue }
            let lower = url.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file:") else {
                problems.append("\(file):\(n + 1): \(url.prefix(40)) is not an http, https or file address; skipped")
                continue
            }
            var source = FeedSource(url: url)
            for word in words.dropFirst() {
                if word.hasPrefix("~") {
                    source.name = String(word.dropFirst())
                } else if !word.isEmpty {
                    source.tags.append(word.hasPrefix("!") ? String(word.dropFirst()) : word)
                }
            }
            feeds.append(source)
        }
        return (feeds, problems)
    }

    /// Words split at spaces and tabs, `"…"` keeping spaces (`\"` inside is a quote); a `#` after
    /// a space starts a comment.
    static func tokens(_ line: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        var inWord = false
        for c in line {
            if escaped {
                current.append(c)
                escaped = false
            } else if quoted {
                if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    quoted = false
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                quoted = true
                inWord = true
            } else if c == " " || c == "\t" {
                if inWord { out.append(current) }
                current = ""
                inWord = false
            } else if c == "#" && !inWord {
                break
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { out.append(current) }
        return out
    }
}
