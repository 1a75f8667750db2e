/// The one rule for where the lines of an article file are, on bytes:
///
/// - LF, CRLF and a lone CR each end a line; a CRLF split across two chunks is one line end.
/// - A last line with no line end is still a line; nothing comes after a final line end.
/// - A UTF-8 byte-order mark leading the file's first line is not part of it. A BOM anywhere
///   else is text, which `TextSanitizer` drops (U+FEFF, with the bidi controls), so a line never
///   shows one.
/// - A line that a buffer cuts off (the tail of a file starts mid-line) is never given.
///
/// Forward over whole buffers (`forEachLine`) or chunks (`feed`/`finish`, the streaming parser),
/// and backward (`forEachLineBackward`: the edge scan reads a trailer from the end of a file).
/// All three find the same lines.
struct LineSplitter {
    /// What stands at the start of a buffer.
    enum Start {
        /// The start of the file: a BOM there is dropped.
        case fileStart
        /// The start of a line past the start of the file.
        case lineStart
        /// Somewhere inside a line (a file's tail): the partial first line is not given.
        case midLine
    }

    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    @inline(__always)
    static func isLineEnd(_ c: UInt8) -> Bool { c == lineFeed || c == carriageReturn }

    /// How many bytes a UTF-8 BOM takes at the start of `b` (0 or 3).
    @inline(__always)
    static func bomLength(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
    }

    /// The index of the first LF or CR at or after `from`, or `b.count`. Eight bytes at a time:
    /// paragraphs are one line each, often hundreds of bytes long.
    @inline(__always)
    static func lineEnd(in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        let n = b.count
        let raw = UnsafeRawBufferPointer(b)
        while i + 8 <= n {
            let x = SWAR.word(raw, at: i)
            if SWAR.hasByte(x, 0x0A) || SWAR.hasByte(x, 0x0D) { break }
            i += 8
        }
        while i < n && !isLineEnd(b[i]) { i += 1 }
        return i
    }

    /// Where the next line starts, given the index of a line end byte.
    @inline(__always)
    static func afterLineEnd(in b: UnsafeBufferPointer<UInt8>, at end: Int) -> Int {
        b[end] == carriageReturn && end + 1 < b.count && b[end + 1] == lineFeed ? end + 2 : end + 1
    }

    /// Calls `body` with each line of a whole buffer, first to last, until it returns false:
    /// the line's bytes (no line end) and where the next line starts.
    static func forEachLine(
        in b: UnsafeBufferPointer<UInt8>, start: Start,
        _ body: (_ line: Range<Int>, _ next: Int) -> Bool
    ) {
        var lineStart = 0
        if start == .midLine {
            let end = lineEnd(in: b, from: 0)
            guard end < b.count else { return }
            lineStart = afterLineEnd(in: b, at: end)
        }
        var first = start == .fileStart
        while lineStart < b.count {
            let end = lineEnd(in: b, from: lineStart)
            let next = end < b.count ? afterLineEnd(in: b, at: end) : end
            let from = first ? lineStart + bomLength(UnsafeBufferPointer(rebasing: b[lineStart..<end])) : lineStart
            first = false
            if !body(from..<end, next) { return }
            lineStart = next
        }
    }

    /// Calls `body` with each line of `b[floor...]`, last to first, until it returns false. `start`
    /// says what stands at `floor`; the lines are those `forEachLine` finds in `b[floor...]`.
    static func forEachLineBackward(
        in b: UnsafeBufferPointer<UInt8>, floor: Int, start: Start,
        _ body: (_ line: Range<Int>) -> Bool
    ) {
        guard floor < b.count else { return }
        var end = b.count
        // Nothing comes after a final line end.
        if isLineEnd(b[end - 1]) { end = contentEnd(in: b, beforeLineEndEndingAt: end, floor: floor) }
        while true {
            var lineStart = end
            while lineStart > floor && !isLineEnd(b[lineStart - 1]) { lineStart -= 1 }
            if lineStart == floor && start == .midLine { return }
            let from =
                lineStart == floor && start == .fileStart
                ? lineStart + bomLength(UnsafeBufferPointer(rebasing: b[lineStart..<end])) : lineStart
            if !body(from..<end) || lineStart == floor { return }
            end = contentEnd(in: b, beforeLineEndEndingAt: lineStart, floor: floor)
        }
    }

    /// Where a line's bytes end, given where its line end (LF, CR or CRLF) ends.
    @inline(__always)
    private static func contentEnd(in b: UnsafeBufferPointer<UInt8>, beforeLineEndEndingAt e: Int, floor: Int) -> Int {
        b[e - 1] == lineFeed && e - 1 > floor && b[e - 2] == carriageReturn ? e - 2 : e - 1
    }

    /// The length of the lines of `b` that are known to be whole: up to the last line end,
    /// or all of `b` when it has none (one line, cut or not, is all there is to read).
    static func wholeLinesLength(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var i = b.count
        while i > 0 && !isLineEnd(b[i - 1]) { i -= 1 }
        return i > 0 ? i : b.count
    }

    // MARK: chunks

    /// Bytes of a line begun in an earlier chunk.
    private var partial: [UInt8] = []
    /// The last chunk ended with a CR: a LF first in the next one belongs to that line end.
    private var pendingCarriageReturn = false
    /// No line has been given yet (the first may start with a BOM).
    private var atFileStart = true

    /// Gives `line` every line that ends in `bytes`; the bytes of a line still open are kept
    /// for the next call. `line`'s buffer is valid only during the call.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ line: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard !bytes.isEmpty else { return }
        var lineStart = 0
        if pendingCarriageReturn {
            pendingCarriageReturn = false
            if bytes[0] == Self.lineFeed { lineStart = 1 }
        }
        while lineStart < bytes.count {
            let end = Self.lineEnd(in: bytes, from: lineStart)
            guard end < bytes.count else {
                partial.append(contentsOf: bytes[lineStart...])
                return
            }
            if partial.isEmpty {
                give(UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), line)
            } else {
                partial.append(contentsOf: bytes[lineStart..<end])
                givePartial(line)
            }
            if bytes[end] == Self.carriageReturn && end + 1 == bytes.count { pendingCarriageReturn = true }
            lineStart = Self.afterLineEnd(in: bytes, at: end)
        }
    }

    /// Ends the input: the last line, if it had no line end.
    mutating func finish(_ line: (UnsafeBufferPointer<UInt8>) -> Void) {
        pendingCarriageReturn = false
        if !partial.isEmpty { givePartial(line) }
    }

    private mutating func givePartial(_ line: (UnsafeBufferPointer<UInt8>) -> Void) {
        let whole = partial
        partial.removeAll(keepingCapacity: true)
        whole.withUnsafeBufferPointer { give($0, line) }
    }

    @inline(__always)
    private mutating func give(_ bytes: UnsafeBufferPointer<UInt8>, _ line: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard atFileStart else { return line(bytes) }
        atFileStart = false
        line(UnsafeBufferPointer(rebasing: bytes[Self.bomLength(bytes)...]))
    }
}
