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

// fail, checkClean and checkTitle are in common.swift, compiled into every target.

/// The article, or the reason it was refused, as one comparable value.
func outcome(_ read: () throws(ArticleError) -> Article) -> Result<Article, ArticleError> {
    do { return .success(try read()) } catch { return .failure(error) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let direct = outcome { () throws(ArticleError) in try HTMLFormat().parse(bytes, source: "fuzz.html") }
    if case .success(let a) = direct { checkArticle(a) }
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
