// Shared by every fuzz target (fuzz/run.sh compiles it into each).
import ArticleKit

#if canImport(Glibc)
    import Glibc
#endif

/// Reports a broken invariant on stderr and aborts, which libFuzzer records as a finding.
@inline(never)
func fail(_ message: String, _ detail: String) -> Never {
    var text = "INVARIANT FAILED: \(message)\n\(detail)\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    abort()
}

/// A text that reaches the terminal holds nothing the sanitiser would change.
func checkClean(_ s: String?, _ what: String) {
    guard let s else { return }
    if let bad = s.unicodeScalars.first(where: TextSanitizer.needsChange) {
        fail("\(what) contains U+\(String(bad.value, radix: 16, uppercase: true))", String(reflecting: s.prefix(200)))
    }
}

/// A title is clean, at most one line's worth of scalars (and, for pages and notes, never empty).
func checkTitle(_ s: String?, _ what: String, nonEmpty: Bool = true) {
    guard let s else { return }
    checkClean(s, what)
    if nonEmpty && s.isEmpty { fail("\(what) is empty", "") }
    if s.unicodeScalars.count > ArticleParser.maxTitleScalars + 1 {
        fail("\(what) has \(s.unicodeScalars.count) scalars", String(reflecting: s.prefix(80)))
    }
}

/// What every format's article must be: clean titles, metadata and warnings; levels 1…6; no more kinds
/// than paragraphs; no empty heading or paragraph; every paragraph (every line of code) clean.
func checkArticle(_ a: Article) {
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
