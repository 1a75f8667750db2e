/// The blocks the heading detector decides among: the shapes of the last few blocks
/// (the `lookback` before the block being decided and the `HeadingDetector.lookahead`
/// after it), and running facts about the article so far. Its memory is fixed however
/// long the article is, because `HeadingStream` decides each block as soon as it can.
struct HeadingWindow {
    /// Blocks before the decided one that features look at.
    static let lookback = 3
    static let capacity = 16
    /// Short blocks remembered for "seen before" (a table of contents, a repeated teaser).
    static let rememberedTexts = 4096

    private var ring: [BlockShape] = []
    private(set) var count = 0
    private var widths = WidthHistogram()
    private var seen: Set<UInt64> = []
    private var short = 0

    static let empty = HeadingWindow()

    mutating func append(_ text: String) {
        var s = BlockShape(text)
        s.index = count
        widths.add(s.width)
        s.medianWidth = widths.median
        if s.isCandidate {
            s.seenBefore = seen.contains(s.hash)
            if seen.count < HeadingWindow.rememberedTexts {
                seen.insert(s.hash)
                if s.entryHash != 0 { seen.insert(s.entryHash) }
            }
        }
        if s.isShort { short += 1 }
        s.shortSoFar = short
        if let p = shape(count - 1) {
            let headed = HeadingFeatures.looksLikeHeadline(p) && s.width >= 60 && s.endsSentence
            s.headedSoFar = p.headedSoFar + (headed ? 1 : 0)
            let opens = p.endsWithColon || p.furniture.contains(.related)
            if p.isShort || !p.furniture.isEmpty {
                s.runBefore = min(p.runBefore + 1, 64)
                s.runIntroduced = p.runIntroduced || opens
            } else {
                s.runIntroduced = opens
            }
        }
        if ring.count < HeadingWindow.capacity { ring.append(s) } else { ring[count % HeadingWindow.capacity] = s }
        count += 1
    }

    /// Block `i`, or nil before the first block, after the last one so far, or when it has
    /// left the window (which `HeadingStream` never lets happen for a block it decides).
    func shape(_ i: Int) -> BlockShape? {
        guard i >= 0, i < count, i >= count - ring.count else { return nil }
        return ring[i % HeadingWindow.capacity]
    }
}

/// Block widths of the article so far, in buckets a quarter of an octave wide, for a
/// running median at a fixed cost per block.
struct WidthHistogram {
    private var buckets = [Int](repeating: 0, count: 64)
    private var total = 0

    static func bucket(_ w: Int) -> Int {
        let v = min(max(w, 0), 1 << 15)
        guard v >= 4 else { return v }
        let e = Int.bitWidth - 1 - v.leadingZeroBitCount
        return 4 * e + ((v >> (e - 2)) & 3)
    }

    /// The smallest width in a bucket.
    static func lowerBound(_ b: Int) -> Int {
        guard b >= 8 else { return b }
        return (4 + b % 4) << (b / 4 - 2)
    }

    mutating func add(_ w: Int) {
        buckets[WidthHistogram.bucket(w)] += 1
        total += 1
    }

    var median: Int {
        var seen = 0
        for (b, n) in buckets.enumerated() {
            seen += n
            if 2 * seen >= total && n > 0 { return WidthHistogram.lowerBound(b) }
        }
        return 0
    }
}

/// Hands out blocks as headings or paragraphs in file order, each once the
/// `HeadingDetector.lookahead` blocks after it have arrived or the article has ended:
/// the bound that lets the parser stream. It holds at most that many texts.
struct HeadingStream {
    let detector: HeadingDetector
    private(set) var window = HeadingWindow()
    private var waiting: [String] = []

    init(detector: HeadingDetector) {
        self.detector = detector
        waiting.reserveCapacity(HeadingDetector.lookahead + 1)
    }

    /// Index of the block the last event was about (the window is as the detector saw it).
    var lastDecided: Int { window.count - waiting.count - 1 }

    /// Takes the next block; returns the block decided now, if the look-ahead is full.
    mutating func add(_ text: String) -> ArticleEvent? {
        window.append(text)
        waiting.append(text)
        return waiting.count > HeadingDetector.lookahead ? next() : nil
    }

    /// The article has ended: the next waiting block, decided with what look-ahead there is.
    mutating func next() -> ArticleEvent? {
        guard !waiting.isEmpty else { return nil }
        let i = window.count - waiting.count
        return detector.event(for: waiting.removeFirst(), in: window, at: i)
    }
}
