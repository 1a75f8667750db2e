// libFuzzer target: the Markdown reader (cmark under it) and the way a note is chosen and read.
//
// Invariants checked on every input:
//  - reading never crashes or hangs (ASan and Swift runtime traps count as crashes);
//  - the title, headings, paragraphs (each line of a code block) and PREV/NEXT titles contain no
//    scalar that `TextSanitizer.needsChange` would change (no control, C1, bidi override);
//    only code blocks hold line ends;
//  - a title is at most `maxTitleScalars` scalars plus one "…", and never empty;
//  - section levels are 1…6, and a section has no more kinds than paragraphs;
//  - `ArticleParser.parse` of a `.md` file is the Markdown reader's article, and a file with no
//    extension is read by whichever format `FormatChooser` sniffs without crashing.
import ArticleKit

#if canImport(Glibc)
    import Glibc
#endif

// fail, checkClean and checkTitle are in common.swift, compiled into every target.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let direct = try? MarkdownFormat().parse(bytes, source: "fuzz.md")
    if let a = direct { checkArticle(a) }
    let seam = try? ArticleParser().parse(bytes, source: "fuzz.md")
    if seam != direct {
        fail("ArticleParser.parse differs from MarkdownFormat.parse", String(reflecting: seam?.title ?? "nil"))
    }
    // No extension: sniffed (front matter or a `# ` heading make it Markdown). Pages are the HTML
    // target's.
    if FormatChooser.format(source: "fuzz-note", head: bytes) != .html,
        let sniffed = try? ArticleParser().parse(bytes, source: "fuzz-note")
    {
        checkTitle(sniffed.title, "sniffed title")
    }
    return 0
}
