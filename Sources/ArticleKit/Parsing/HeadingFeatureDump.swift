/// Every body block of an article with what the heading detector saw and decided, for
/// `gazette heading-features`, which feeds scripts/train-headings.py: the training script
/// learns from the detector's own numbers instead of computing features of its own.
public enum HeadingFeatureDump {
    public struct Block: Sendable {
        public let text: String
        /// Passed the gate before the score; only these are scored (and trained on).
        public let candidate: Bool
        /// In `HeadingModel.featureNames` order; empty for a block that is no candidate.
        public let features: [Double]
        public let score: Double?
        /// Which weight set scored it.
        public let regime: HeadingModel.Regime?
        /// The heading as shown, or nil for a paragraph.
        public let heading: String?
    }

    /// The blocks as the parser makes them, decided by `detector` exactly as the parser
    /// decides them (the same `HeadingStream`), with the features the decision used.
    public static func blocks(
        of bytes: [UInt8], source: String,
        detector: HeadingDetector = HeadingDetector()
    ) throws(ArticleError) -> [Block] {
        let plain = try ArticleParser(detector: HeadingDetector(model: .none)).parse(bytes, source: source)
        var stream = HeadingStream(detector: detector)
        var out: [Block] = []
        func record(_ event: ArticleEvent, _ text: String) {
            let i = stream.lastDecided
            let heading: String? = if case .heading(let h) = event { h } else { nil }
            guard detector.isCandidate(stream.window, at: i) else {
                out.append(
                    Block(
                        text: text, candidate: false, features: [], score: nil, regime: nil,
                        heading: heading))
                return
            }
            var values = [Double](repeating: 0, count: HeadingFeatures.count)
            values.withUnsafeMutableBufferPointer { buffer in
                var writer = HeadingFeatures.Writer(values: buffer, names: nil)
                HeadingFeatures.write(into: &writer, stream.window, at: i)
            }
            let score = detector.score(stream.window, at: i)
            out.append(
                Block(
                    text: text, candidate: true, features: values, score: score,
                    regime: HeadingFeatures.regime(stream.window, at: i), heading: heading))
        }
        let texts = plain.sections.flatMap(\.paragraphs)
        var pending = texts.makeIterator()
        var waiting: [String] = []
        while let text = pending.next() {
            waiting.append(text)
            if let event = stream.add(text) { record(event, waiting.removeFirst()) }
        }
        while let event = stream.next() { record(event, waiting.removeFirst()) }
        return out
    }
}
