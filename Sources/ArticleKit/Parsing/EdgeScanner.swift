/// Finds the title and the PREV/NEXT lines from the bytes at the two ends of a
/// file, decoding only the lines it needs: indexing a folder of 100,000 articles
/// should cost little more than reading their first and last bytes. The lines and
/// what they are come from `LineSplitter`, `LineReader` and `ArticleGrammar`, as
/// for the full parse; only the order of reading differs (the trailer from the end).
enum EdgeScanner {
    static func links(head: [UInt8], tail: [UInt8]?) -> ArticleLinks? {
        head.withUnsafeBufferPointer { h -> ArticleLinks? in
            guard let header = readHeader(h, findBodyStart: tail == nil) else { return nil }
            let trailer: Trailer
            if let tail {
                // The tail's first line may start mid-line: never a trailer line we can trust.
                trailer = tail.withUnsafeBufferPointer { readTrailer($0, floor: 0, start: .midLine) }
            } else {
                trailer = readTrailer(h, floor: header.bodyStart, start: .lineStart)
            }
            return ArticleLinks(title: header.title, previousTitle: trailer.previous, nextTitle: trailer.next)
        }
    }

    /// The title and, if asked for, where the body starts, as `HeaderReader` decides:
    /// the trailer is looked for in the body only, so a repeat of a title that reads
    /// "NEXT …" is never a link. Without a body in `b`, the body starts at its end.
    static func readHeader(_ b: UnsafeBufferPointer<UInt8>, findBodyStart: Bool) -> (title: String, bodyStart: Int)? {
        var reader = HeaderReader()
        var decoder = LineReader()
        var bodyStart = b.count
        LineSplitter.forEachLine(in: b, start: .fileStart) { line, next in
            switch reader.read(decoder.text(of: UnsafeBufferPointer(rebasing: b[line]))) {
            case .skipped: return true
            case .title: return findBodyStart
            case .separator: bodyStart = next
            case .body: bodyStart = line.lowerBound
            }
            return false
        }
        guard let title = reader.title else { return nil }
        return (title, bodyStart)
    }

    /// Walks back from the end over trailer lines, stopping at `floor`, and reads
    /// what it passed as the trailer.
    static func readTrailer(_ b: UnsafeBufferPointer<UInt8>, floor: Int, start: LineSplitter.Start) -> Trailer {
        var picked: [String] = []
        var decoder = LineReader()
        LineSplitter.forEachLineBackward(in: b, floor: floor, start: start) { line in
            let bytes = UnsafeBufferPointer(rebasing: b[line])
            guard ArticleGrammar.mayBeTrailerLine(bytes) else { return false }
            let text = decoder.text(of: bytes)
            guard ArticleGrammar.isTrailerLine(text) else { return false }
            picked.append(text)
            return true
        }
        return Trailer(lines: picked.reversed())
    }
}
