import ArticleKit

/// Builds article files in the format, for tests: title, repeats, separator, blocks, trailer.
struct Fixture {
    var title: String
    var repeats = 2
    var blocks: [String]
    var previous: String? = nil
    var next: String? = nil
    var lineEnding = "\n"
    var finalNewline = false

    var text: String {
        var lines = [title, ""]
        lines += Array(repeating: title, count: repeats)
        lines += ["-", ""]
        for (i, b) in blocks.enumerated() {
            if i > 0 { lines.append("") }
            lines.append(b)
        }
        lines += ["-", ""]
        if let previous { lines.append("PREV " + previous) }
        if let next { lines.append("NEXT " + next) }
        return lines.joined(separator: lineEnding) + (finalNewline ? lineEnding : "")
    }

    var bytes: [UInt8] { Array(text.utf8) }

    func parse(_ source: String = "fixture.txt") throws -> Article {
        try ArticleParser().parse(bytes, source: source)
    }
}

/// Long enough to count as body text after a heading.
func paragraph(_ seed: String) -> String {
    "\(seed) The council met on Tuesday evening to discuss the proposal in detail, and members asked for more time to read the report before any vote is taken."
}
