// libFuzzer target: the article parser and the link scan.
//
// Invariants checked on every input:
//  - parsing never crashes (ASan and Swift runtime traps count as crashes);
//  - the title, headings, paragraphs and PREV/NEXT titles contain no scalar that
//    `TextSanitizer.needsChange` would change (no control, C1, bidi override);
//  - a title is at most `maxTitleScalars` scalars plus one "…";
//  - `ArticleParser.links` on the whole input (what the collection does for a small
//    file) agrees with the full parse on the title and both links, and refuses
//    exactly the inputs the full parse refuses;
//  - `links` with a head/tail split (edge size taken from the input) never crashes
//    and returns sanitised titles.
import ArticleKit

#if canImport(Glibc)
    import Glibc
#endif

// fail, checkClean and checkTitle are in common.swift, compiled into every target.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parser = ArticleParser()

    let article: Article?
    do { article = try parser.parse(bytes, source: "fuzz.txt") } catch { article = nil }
    if let a = article {
        checkTitle(a.title, "title", nonEmpty: false)
        checkTitle(a.previousTitle, "PREV title", nonEmpty: false)
        checkTitle(a.nextTitle, "NEXT title", nonEmpty: false)
        for section in a.sections {
            checkClean(section.heading, "heading")
            for p in section.paragraphs { checkClean(p, "paragraph") }
        }
    }

    // What a collection does for a file of at most two edges: the whole file as the head.
    let whole: ArticleLinks?
    do { whole = try ArticleParser.links(head: bytes, tail: nil, source: "fuzz.txt") } catch { whole = nil }
    switch (article, whole) {
    case (nil, nil): break
    case (let a?, nil): fail("parse succeeded but links threw", String(reflecting: a.title))
    case (nil, let l?): fail("links succeeded but parse threw", String(reflecting: l.title))
    case (let a?, let l?):
        if a.title != l.title {
            fail(
                "links title differs from parse title",
                "parse: \(String(reflecting: a.title))\nlinks: \(String(reflecting: l.title))")
        }
        if a.previousTitle != l.previousTitle {
            fail(
                "links PREV differs from parse PREV",
                "parse: \(String(reflecting: a.previousTitle))\nlinks: \(String(reflecting: l.previousTitle))")
        }
        if a.nextTitle != l.nextTitle {
            fail(
                "links NEXT differs from parse NEXT",
                "parse: \(String(reflecting: a.nextTitle))\nlinks: \(String(reflecting: l.nextTitle))")
        }
    }

    // A long file: the first and last `edge` bytes, cut anywhere (mid-line, mid-UTF-8).
    if size >= 4 {
        let edge = 1 + Int(bytes[size - 1]) % max(1, size / 2)
        if size > 2 * edge {
            let head = Array(bytes[..<edge])
            let tail = Array(bytes[(size - edge)...])
            if let l = try? ArticleParser.links(head: head, tail: tail, source: "fuzz.txt") {
                checkTitle(l.title, "split title", nonEmpty: false)
                checkTitle(l.previousTitle, "split PREV title", nonEmpty: false)
                checkTitle(l.nextTitle, "split NEXT title", nonEmpty: false)
            }
        }
    }
    return 0
}
