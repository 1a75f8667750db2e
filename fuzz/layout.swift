// libFuzzer target: layout and wrapping.
//
// The first byte picks a width (1…200); the rest is parsed as an article. Then:
//  - every line of `ArticleLayout.make` is at most `width` columns wide;
//  - `TextWrapper.wrap` of the title, each heading, each paragraph, each footer
//    line and of the whole sanitised input returns lines at most `width` wide and
//    loses no grapheme cluster: the clusters of the text minus spaces equal the
//    clusters of the lines minus spaces, except that a cluster wider than the
//    width is shown as "…".
import ArticleKit
import ReaderCore

#if canImport(Glibc)
    import Glibc
#endif

// fail(_:_:) is in common.swift, compiled into both targets.

func checkWrap(_ text: String, width: Int, _ what: String) {
    let lines = TextWrapper.wrap(text, width: width)
    if lines.isEmpty { fail("\(what): wrap returned no line", String(reflecting: text)) }
    for line in lines where DisplayWidth.of(line) > width {
        fail(
            "\(what): wrapped line of width \(DisplayWidth.of(line)) > \(width)",
            "line: \(String(reflecting: line))\ntext: \(String(reflecting: text))")
    }
    var expected: [Character] = []
    for c in text where c != " " { expected.append(DisplayWidth.of(c) > width ? "…" : c) }
    // Cluster by cluster, line by line: joining the lines first could merge clusters
    // that a dropped space kept apart (two regional indicators, say).
    var got: [Character] = []
    for line in lines { for c in line where c != " " { got.append(c) } }
    if expected != got {
        let i =
            zip(expected, got).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
            ?? min(expected.count, got.count)
        fail(
            "\(what): wrapping at \(width) changed the clusters at \(i) (\(expected.count) in, \(got.count) out)",
            "text: \(String(reflecting: text))\nlines: \(lines.map { String(reflecting: $0) })")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let width = 1 + Int(data[0]) % 200
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))

    // The whole input as one sanitised text: long lines, control pictures, invalid UTF-8.
    let raw = TextSanitizer.sanitize(String(decoding: bytes, as: UTF8.self))
    checkWrap(raw, width: width, "raw input")

    guard let article = try? ArticleParser().parse(bytes, source: "fuzz.txt") else { return 0 }
    let footer = PlainTextDump.footer(article, links: nil, collection: nil)
    let layout = ArticleLayout.make(article, footer: footer, width: width)
    for line in layout.lines where DisplayWidth.of(line.text) > width {
        fail(
            "layout line of width \(DisplayWidth.of(line.text)) > \(width) (\(line.kind))",
            String(reflecting: line.text))
    }

    checkWrap(article.title, width: width, "title")
    for section in article.sections {
        if let h = section.heading { checkWrap(h, width: width, "heading") }
        for p in section.paragraphs { checkWrap(p, width: width, "paragraph") }
    }
    for f in footer { checkWrap(f.text, width: width, "footer") }
    return 0
}
