/// Finds the title and the PREV/NEXT lines from the bytes at the two ends of a
/// file, decoding only the lines it needs: indexing a folder of 100,000 articles
/// should cost little more than reading their first and last bytes.
enum EdgeScanner {
    static func links(head: [UInt8], tail: [UInt8]?) -> ArticleLinks? {
        head.withUnsafeBufferPointer { h -> ArticleLinks? in
            let headLines = lineRanges(h)
            guard let (titleIndex, title) = findTitle(h, headLines) else { return nil }
            let trailer: Trailer
            if let tail {
                trailer = tail.withUnsafeBufferPointer { t in
                    // The tail's first line may start mid-line: never a trailer line we can trust.
                    trailerLines(t, Array(lineRanges(t).dropFirst()))
                }
            } else {
                trailer = trailerLines(h, Array(headLines[(titleIndex + 1)...]))
            }
            return ArticleLinks(title: title, previousTitle: trailer.previous, nextTitle: trailer.next)
        }
    }

    /// Line ranges (without their line ends), after a BOM.
    static func lineRanges(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = (b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) ? 3 : 0
        var i = start
        while i < b.count {
            let c = b[i]
            if c == 0x0A || c == 0x0D {
                ranges.append(start..<i)
                if c == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < b.count { ranges.append(start..<b.count) }
        return ranges
    }

    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        LineReader.lines(UnsafeBufferPointer(rebasing: b[range])).lines.first ?? ""
    }

    static func isBlank(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for i in range where b[i] != 0x20 && b[i] != 0x09 { return false }
        return true
    }

    static func findTitle(_ b: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>]) -> (Int, String)? {
        for (i, r) in ranges.enumerated() where !isBlank(b, r) {
            let line = decode(b, r)
            if line.isBlankLine || line.isSeparatorLine { continue }
            return (i, ArticleParser.limitTitle(line))
        }
        return nil
    }

    /// Walks back over blank and PREV/NEXT lines and reads them as a trailer.
    static func trailerLines(_ b: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>]) -> Trailer {
        var picked: [String] = []
        for r in ranges.reversed() {
            if isBlank(b, r) { picked.append(""); continue }
            let startsLink = r.count >= 4 && (hasPrefix(b, r, "PREV") || hasPrefix(b, r, "NEXT"))
            guard startsLink else { break }
            picked.append(decode(b, r))
        }
        return Trailer(lines: picked.reversed(), from: 0)
    }

    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ prefix: StaticString) -> Bool {
        let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        for (k, byte) in p.enumerated() where b[r.lowerBound + k] != byte { return false }
        return true
    }
}
