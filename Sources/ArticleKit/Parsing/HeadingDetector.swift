/// Decides which body blocks are section headings, by a score learned from real pages.
///
/// Every block is measured once as it arrives (`BlockShape`). A block that could be a
/// heading at all — at most 160 columns, with letters, no link, not a lead-in ending in ":",
/// not furniture that is never a heading (a caption, credit, byline, stamp, button, tag line
/// or "Read also" line), and with
/// something other than furniture in the look-ahead — is scored by a logistic model
/// (`HeadingModel`) over about a hundred features of the block, its neighbours and the
/// article so far (`HeadingFeatures`), with one weight set for a block over running text and
/// one for a block over anything else. scripts/train-headings.py trains the weights on
/// labelled pages in many languages; docs/HEADINGS.md has how well it does.
public struct HeadingDetector: Sendable {
    public var model: HeadingModel

    public init(model: HeadingModel = .trained) {
        self.model = model
    }

    /// Blocks after the decided one that the decision may look at: a streaming reader
    /// decides a block once three more have arrived, holding at most four block texts.
    static let lookahead = 3

    func event(for text: String, in blocks: HeadingWindow, at i: Int) -> ArticleEvent {
        guard let b = blocks.shape(i), isHeading(blocks, at: i) else { return .paragraph(text) }
        return .heading(HeadingDetector.shown(text, b))
    }

    func isHeading(_ blocks: HeadingWindow, at i: Int) -> Bool {
        guard isCandidate(blocks, at: i) else { return false }
        let b = blocks.shape(i)!
        // Wikis put an "[edit]" link beside section headings and nowhere else.
        if b.editSuffix > 0 { return true }
        // Issue 22: an interview's question ("Q: …?", "Frage: …?") heads its answer.
        if HeadingDetector.isInterviewQuestion(b) { return true }
        return score(blocks, at: i) > 0
    }

    /// A speaker's label and a question mark at the end: "Q: Why now?", "Frage: Was kostet das?".
    static func isInterviewQuestion(_ b: BlockShape) -> Bool {
        b.speakerLabel && b.last == .question
    }

    /// The cheap gate before the score; most blocks (paragraphs) stop here.
    func isCandidate(_ blocks: HeadingWindow, at i: Int) -> Bool {
        guard let b = blocks.shape(i), b.isCandidate, b.width >= 2, !b.hasLink, !b.isLeadIn else { return false }
        // Issue 22: a line of code or a list's item is never a section.
        if b.isCode || b.isListItem { return false }
        // The line after "Image" / "Photo 3 of 12" is that picture's caption ("Harbour cranes at dusk").
        if blocks.shape(i - 1)?.isMediaLabel ?? false { return false }
        // "See also[edit]" heads an encyclopedia's links: the suffix says it is a heading.
        if !b.furniture.isDisjoint(with: Furniture.Kinds.neverHeading) && b.editSuffix == 0 { return false }
        return !HeadingFeatures.onlyFurniture(blocks.shape(i + 1), blocks.shape(i + 2), blocks.shape(i + 3))
    }

    func score(_ blocks: HeadingWindow, at i: Int) -> Double {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: HeadingFeatures.count) { buffer in
            var writer = HeadingFeatures.Writer(values: buffer, names: nil)
            HeadingFeatures.write(into: &writer, blocks, at: i)
            return model.weights(HeadingFeatures.regime(blocks, at: i)).score(UnsafeBufferPointer(buffer))
        }
    }

    /// The heading as a reader wants it: without an "[edit]" link.
    static func shown(_ text: String, _ b: BlockShape) -> String {
        guard b.editSuffix > 0 else { return text }
        return String(decoding: text.utf8.dropLast(b.editSuffix), as: UTF8.self)
    }
}
