/// Finds the title and the PREV/NEXT lines from the bytes at the two ends of a
/// file, decoding only the lines it needs: indexing a folder of 100,000 articles
/// should cost little more than reading their first and last bytes.
enum EdgeScanner {
    static func links(head: [UInt8], tail: [UInt8]?) -> ArticleLinks? {
        head.withUnsafeBufferPointer { h -> ArticleLinks? in
            guard let (titleEnd, title) = findTitle(h) else { return nil }
            let trailer: Trailer
            if let tail {
                // The tail's first line may start mid-line: never a trailer line we can trust.
                trailer = tail.withUnsafeBufferPointer { trailerLines($0, floor: 0, floorIsMidLine: true) }
            } else {
                trailer = trailerLines(h, floor: bodyStart(h, after: titleEnd, title: title), floorIsMidLine: false)
            }
            return ArticleLinks(title: title, previousTitle: trailer.previous, nextTitle: trailer.next)
        }
    }

    /// Calls `body` with each line's range, first to last, until it returns false.
    static func forEachLine(_ b: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) {
        var start = (b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) ? 3 : 0
        var i = start
        while i < b.count {
            let c = b[i]
            if c == 0x0A || c == 0x0D {
                if !body(start..<i) { return }
                if c == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < b.count { _ = body(start..<b.count) }
    }

    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        LineReader.lines(UnsafeBufferPointer(rebasing: b[range])).lines.first ?? ""
    }

    static func isBlank(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for i in range where b[i] != 0x20 && b[i] != 0x09 { return false }
        return true
    }

    /// The title and the offset where its line ends.
    static func findTitle(_ b: UnsafeBufferPointer<UInt8>) -> (Int, String)? {
        var found: (Int, String)?
        forEachLine(b) { r in
            guard !isBlank(b, r) else { return true }
            let line = decode(b, r)
            if line.isBlankLine || line.isSeparatorLine { return true }
            found = (r.upperBound, ArticleParser.limitTitle(line))
            return false
        }
        return found
    }

    /// Where the body starts, as the parser's header reading decides: after blank
    /// lines and repeats of the title, and after one separator line. A repeat that
    /// looks like "NEXT …" is still a repeat, never a link.
    static func bodyStart(_ b: UnsafeBufferPointer<UInt8>, after titleEnd: Int, title: String) -> Int {
        let key = TitleKey(title)
        var p = titleEnd
        func skipLineEnd() {
            if p < b.count && b[p] == 0x0D { p += 1; if p < b.count && b[p] == 0x0A { p += 1 } } else if p < b.count && b[p] == 0x0A { p += 1 }
        }
        skipLineEnd()
        while p < b.count {
            var e = p
            while e < b.count && b[e] != 0x0A && b[e] != 0x0D { e += 1 }
            let line = decode(b, p..<e)
            if line.isSeparatorLine { p = e; skipLineEnd(); return p }
            guard line.isBlankLine || TitleKey(ArticleParser.limitTitle(line)) == key else { return p }
            p = e
            skipLineEnd()
        }
        return p
    }

    /// Walks back from the end over blank and PREV/NEXT lines, stopping at `floor`,
    /// and reads what it passed as a trailer.
    static func trailerLines(_ b: UnsafeBufferPointer<UInt8>, floor: Int, floorIsMidLine: Bool) -> Trailer {
        var picked: [String] = []
        var end = b.count
        while end > floor {
            var start = end
            while start > floor && b[start - 1] != 0x0A && b[start - 1] != 0x0D { start -= 1 }
            if start == floor && floorIsMidLine { break }
            let r = start..<end
            if isBlank(b, r) {
                picked.append("")
            } else if mayBeTrailerLine(b, r) {
                // Decoded as the parser sees it: a BOM or a bidi control before "PREV"
                // is dropped by the sanitiser, and a line of them is blank.
                let line = decode(b, r)
                if line.isBlankLine { picked.append("") } else if Trailer.link(line) != nil { picked.append(line) } else { break }
            } else {
                break
            }
            guard start > floor else { break }
            end = start - 1
            if end > floor && b[end] == 0x0A && b[end - 1] == 0x0D { end -= 1 }
        }
        return Trailer(lines: picked.reversed(), from: 0)
    }

    /// Whether a line could read as PREV/NEXT or as blank once decoded. The sanitiser
    /// drops some scalars (a BOM, bidi controls), which may stand before or inside the
    /// keyword, and Unicode spaces make a line blank; so a line is decoded when a byte
    /// that may begin such a scalar comes before anything that rules it out. Other
    /// lines are settled without decoding a possibly long paragraph.
    static func mayBeTrailerLine(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        func special(_ c: UInt8) -> Bool { c >= 0x80 || c < 0x20 || c == 0x7F }
        // Leading ASCII blanks, then a non-ASCII or control byte: maybe a blank line.
        var p = r.lowerBound
        while p < r.upperBound && (b[p] == 0x20 || b[p] == 0x09) { p += 1 }
        if p < r.upperBound && special(b[p]) { return true }
        // Matching "PREV" or "NEXT" from the start; stopping at a special byte may
        // mean a dropped scalar sits inside the keyword.
        for keyword: StaticString in ["PREV", "NEXT"] {
            let k = UnsafeBufferPointer(start: keyword.utf8Start, count: keyword.utf8CodeUnitCount)
            var i = 0
            while i < k.count && r.lowerBound + i < r.upperBound && b[r.lowerBound + i] == k[i] { i += 1 }
            if i == k.count { return true }
            if r.lowerBound + i < r.upperBound && special(b[r.lowerBound + i]) { return true }
        }
        return false
    }
}
