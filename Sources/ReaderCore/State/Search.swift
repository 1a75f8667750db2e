import ArticleKit

/// A search over the laid-out article: every match, as spans of lines (a match can
/// cross a wrapped line end), and which one is current.
public struct SearchState: Sendable, Equatable {
    public struct Span: Sendable, Equatable {
        public var line: Int
        /// Display columns within the line, half-open.
        public var from: Int
        public var to: Int
    }
    public struct Match: Sendable, Equatable {
        public var spans: [Span]
        public var line: Int { spans[0].line }
    }

    public var query: String
    public var matches: [Match]
    public var current: Int

    /// Case-insensitive matches of `query` in the layout's text blocks.
    public static func find(_ query: String, in layout: ArticleLayout) -> [Match] {
        let needle = query.map(fold)
        guard !needle.isEmpty else { return [] }
        var matches: [Match] = []
        var i = 0
        let lines = layout.lines
        while i < lines.count {
            guard lines[i].kind != .blank else { i += 1; continue }
            // Gather the block's lines, joined by one space (what wrapping removed).
            let block = lines[i].block
            var chars: [Character] = []
            var owners: [(line: Int, column: Int, width: Int)] = []
            var j = i
            while j < lines.count && lines[j].block == block && lines[j].kind != .blank {
                if j > i { chars.append(" "); owners.append((j - 1, -1, 0)) }
                var column = 0
                for c in lines[j].text {
                    let w = DisplayWidth.of(c)
                    chars.append(fold(c))
                    owners.append((j, column, w))
                    column += w
                }
                j += 1
            }
            if chars.count >= needle.count {
                var start = 0
                while start + needle.count <= chars.count {
                    if chars[start] == needle[0] && Array(chars[start..<(start + needle.count)]) == needle {
                        matches.append(Match(spans: spans(owners[start..<(start + needle.count)])))
                        start += needle.count
                    } else {
                        start += 1
                    }
                }
            }
            i = j
        }
        return matches
    }

    static func spans(_ owners: ArraySlice<(line: Int, column: Int, width: Int)>) -> [Span] {
        var spans: [Span] = []
        for o in owners where o.column >= 0 {
            if var last = spans.last, last.line == o.line, last.to == o.column {
                last.to = o.column + o.width
                spans[spans.count - 1] = last
            } else {
                spans.append(Span(line: o.line, from: o.column, to: o.column + o.width))
            }
        }
        return spans
    }

    static func fold(_ c: Character) -> Character {
        if c.isASCII { return Character(c.lowercased()) }
        let folded = String(c).lowercased().folding(options: [.diacriticInsensitive], locale: nil)
        return folded.first ?? c
    }
}

import Foundation
