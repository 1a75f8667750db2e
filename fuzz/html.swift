// libFuzzer target: the HTML reader (charset, libxml2's parser, the extractor, the block reader,
// the metadata) and the way a page is chosen and read.
//
// Invariants checked on every input:
//  - reading never crashes or hangs (ASan and Swift runtime traps count as crashes);
//  - the title, headings, paragraphs (each line of a code block), PREV/NEXT titles, author, date and
//    the page's addresses contain no scalar that `TextSanitizer.needsChange` would change (no C0 or
//    C1 control, no ESC, no bidi override or isolate); only code blocks hold line ends;
//  - a title is never empty and at most `maxTitleScalars` scalars plus one "…";
//  - section levels are 1…6, a section has no more kinds than paragraphs, no paragraph is empty;
//  - `ArticleParser.parse` of a `.html` file is `HTMLFormat.parse`'s article (or both refuse it),
//    and a file with no extension that `FormatChooser` sniffs as HTML reads the same way.
import ArticleKit

#if canImport(Glibc)
    import Glibc
#endif

// fail(_:_:) is in common.swift, compiled into every target.

func checkClean(_ s: String?, _ what: String) {
    guard let s else { return }
    if let bad = s.unicodeScalars.first(where: TextSanitizer.needsChange) {
        fail("\(what) contains U+\(String(bad.value, radix: 16, uppercase: true))", String(reflecting: s.prefix(200)))
    }
}

func checkTitle(_ s: String?, _ what: String) {
    guard let s else { return }
    checkClean(s, what)
    if s.isEmpty { fail("\(what) is empty", "") }
    if s.unicodeScalars.count > ArticleParser.maxTitleScalars + 1 {
        fail("\(what) has \(s.unicodeScalars.count) scalars", String(reflecting: s.prefix(80)))
    }
}

func check(_ a: Article) {
    checkTitle(a.title, "title")
    checkTitle(a.previousTitle, "PREV title")
    checkTitle(a.nextTitle, "NEXT title")
    checkClean(a.meta.author, "author")
    checkClean(a.meta.date, "date")
    checkClean(a.meta.url, "url")
    checkClean(a.meta.previousURL, "previous url")
    checkClean(a.meta.nextURL, "next url")
    for w in a.warnings { checkClean(w, "warning") }
    for section in a.sections {
        checkClean(section.heading, "heading")
        if let h = section.heading, h.isEmpty { fail("empty heading", "") }
        if section.level < 1 || section.level > 6 {
            fail("section level \(section.level)", String(reflecting: section.heading))
        }
        if section.kinds.count > section.paragraphs.count {
            fail("\(section.kinds.count) kinds for \(section.paragraphs.count) paragraphs", "")
        }
        for (i, p) in section.paragraphs.enumerated() {
            if p.isEmpty { fail("empty paragraph", String(reflecting: section.heading)) }
            if section.kind(i) == .code {
                for line in p.split(separator: "\n", omittingEmptySubsequences: false) {
                    checkClean(String(line), "code line")
                }
            } else {
                checkClean(p, "\(section.kind(i).rawValue) paragraph")
            }
        }
    }
}

/// The article, or the reason it was refused, as one comparable value.
func outcome(_ read: () throws(ArticleError) -> Article) -> Result<Article, ArticleError> {
    do { return .success(try read()) } catch { return .failure(error) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let direct = outcome { () throws(ArticleError) in try HTMLFormat().parse(bytes, source: "fuzz.html") }
    if case .success(let a) = direct { check(a) }
    let seam = outcome { () throws(ArticleError) in try ArticleParser().parse(bytes, source: "fuzz.html") }
    if seam != direct {
        fail("ArticleParser.parse differs from HTMLFormat.parse", "\(seam) vs \(direct)".prefix(400).description)
    }
    // No extension: a page that sniffs as HTML is read as one, the same article under another name.
    if FormatChooser.format(source: "fuzz-page", head: bytes) == .html {
        let sniffed = outcome { () throws(ArticleError) in try ArticleParser().parse(bytes, source: "fuzz-page") }
        switch (sniffed, direct) {
        case (.success(let s), .success(let d)):
            if s.title != d.title || s.sections != d.sections {
                fail("a sniffed page reads differently from the same page named .html", String(reflecting: s.title))
            }
        case (.failure, .failure): break
        default:
            fail("a sniffed page is refused or read where the .html one is not", "\(sniffed)".prefix(200).description)
        }
    }
    return 0
}
