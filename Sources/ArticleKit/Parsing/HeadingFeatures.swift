// The heading detector's features, all of them, in one place: what one block looks like
// (`BlockShape`, measured once as the block arrives) and the vector the model scores for a
// block among its neighbours (`HeadingFeatures`). scripts/train-headings.py trains on
// exactly these numbers: `gazette heading-features` prints them, so Python computes none.

import Foundation

/// The kind of one character, as far as headings care.
enum Glyph: UInt8, CaseIterable {
    case none, upper, lower, caseless, digit, period, exclamation, question, colon, semicolon, comma
    case quote, openBracket, closeBracket, dash, ellipsis, bullet, symbol

    /// ASCII from the table, inlined: this runs on every scalar of every short block.
    @inline(__always)
    init(_ s: Unicode.Scalar) {
        self = s.value < 0x80 ? Glyph(ascii: UInt8(s.value)) : Glyph(nonASCII: s)
    }

    /// `init(_:)` of a scalar at or above U+0080.
    init(nonASCII s: Unicode.Scalar) {
        let v = s.value
        // The common letters of caseless scripts first, without a property look-up: Han, kana, Hangul.
        if (0x4E00...0x9FFF).contains(v) || (0x3041...0x30FA).contains(v) || (0xAC00...0xD7A3).contains(v) {
            self = .caseless
            return
        }
        switch v {
        // Full stops: ideographic and half-width "。", full-width ".", Devanagari "।" "॥", Arabic,
        // Armenian, Ethiopic, Myanmar.
        case 0x3002, 0xFF61, 0xFF0E, 0x0964, 0x0965, 0x06D4, 0x0589, 0x1362, 0x104B: self = .period
        case 0xFF01, 0xFE57, 0x203C, 0x055C: self = .exclamation
        // "？", Arabic "؟", the Greek question mark ";" (U+037E; ASCII ";" in Greek text is
        // `BlockShape`'s call), Armenian, Ethiopic, "⁇" "⁈" "⁉".
        case 0xFF1F, 0xFE56, 0x061F, 0x037E, 0x055E, 0x1367, 0x2047...0x2049: self = .question
        case 0xFF1A, 0xFE55, 0x1365: self = .colon
        case 0xFF1B, 0x061B, 0x0387: self = .semicolon
        case 0xFF0C, 0x3001, 0xFF64, 0x060C, 0x055D, 0x1363: self = .comma
        case 0x201C, 0x201D, 0x201E, 0x2018, 0x2019, 0x201A, 0x00AB, 0x00BB, 0x2039, 0x203A,
            0x300C, 0x300D, 0x300E, 0x300F:
            self = .quote
        case 0xFF08, 0x3010, 0x3014, 0x3008, 0x300A: self = .openBracket
        case 0xFF09, 0x3011, 0x3015, 0x3009, 0x300B: self = .closeBracket
        case 0x2010...0x2015, 0x2212: self = .dash
        case 0x2026: self = .ellipsis
        case 0x2022, 0x00B7, 0x25A0...0x25FF, 0x2605, 0x2606, 0x2713, 0x2714, 0x2192, 0x27A4: self = .bullet
        case 0xFF10...0xFF19, 0x0660...0x0669, 0x06F0...0x06F9: self = .digit
        case 0x00A0...0x00BF, 0x00D7, 0x00F7, 0x2000...0x2BFF, 0x3000, 0xFE00...0xFE0F, 0x1F000...0x1FAFF:
            self = .symbol
        // Latin-1's letters without the property tables (× and ÷ are symbols above): À–Þ capitals,
        // ß–ÿ small; the accents of French, German, Spanish… are most of the non-ASCII of such text.
        case 0x00C0...0x00DE: self = .upper
        case 0x00DF...0x00FF: self = .lower
        case 0x0100...0x052F:
            self = s.properties.isUppercase ? .upper : s.properties.isLowercase ? .lower : .caseless
        case 0x30FB, 0xFF65: self = .symbol  // "・", the katakana middle dot between words
        default: self = Glyph(category: s)
        }
    }

    /// Every other script by its Unicode category: Vietnamese (Latin Extended Additional),
    /// Armenian, Georgian and full-width Latin have capitals; digits of any script are digits;
    /// the rest of punctuation is a symbol, not a letter.
    private init(category s: Unicode.Scalar) {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: self = .upper
        case .lowercaseLetter: self = .lower
        case .otherLetter, .modifierLetter, .nonspacingMark, .spacingMark, .enclosingMark: self = .caseless
        case .decimalNumber: self = .digit
        case .initialPunctuation, .finalPunctuation: self = .quote
        case .openPunctuation: self = .openBracket
        case .closePunctuation: self = .closeBracket
        case .dashPunctuation: self = .dash
        default: self = .symbol
        }
    }

    /// A switch, not a table: a static table is a lazy global, checked on every access.
    @inline(__always)
    private init(ascii v: UInt8) {
        self = Glyph.asciiGlyph(v)
    }

    /// Every ASCII byte's glyph, from `asciiGlyph`: for a loop over many scalars, which reads the
    /// table once (a static is a lazy global, checked on each access) and indexes it per byte.
    static let asciiTable: [Glyph] = (0..<128).map { asciiGlyph(UInt8($0)) }

    /// The scalar that starts at byte `i` of a block, its glyph (ASCII's from `ascii`, the table
    /// read once a block) and its length; a byte that begins no scalar reads as U+FFFD, one byte
    /// long (`valid` false). Both block measures step by it.
    @inline(__always)
    static func decode<Table: RandomAccessCollection<Glyph>>(
        _ bytes: UnsafeBufferPointer<UInt8>, at i: Int, ascii: Table
    ) -> (scalar: Unicode.Scalar, glyph: Glyph, length: Int, valid: Bool) where Table.Index == Int {
        let lead = bytes[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), ascii[Int(lead)], 1, true) }
        if let (scalar, length) = UTF8Scalar.decode(bytes, at: i) {
            return (scalar, Glyph(nonASCII: scalar), length, true)
        }
        return ("\u{FFFD}", Glyph("\u{FFFD}"), 1, false)
    }

    /// Room for a count per glyph, indexed by raw value (there are fewer than 32 glyphs).
    static var tableSize: Int { 32 }

    private static func asciiGlyph(_ v: UInt8) -> Glyph {
        switch v {
        case 0x41...0x5A: return .upper
        case 0x61...0x7A: return .lower
        case 0x30...0x39: return .digit
        case UInt8(ascii: "."): return .period
        case UInt8(ascii: "!"): return .exclamation
        case UInt8(ascii: "?"): return .question
        case UInt8(ascii: ":"): return .colon
        case UInt8(ascii: ";"): return .semicolon
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"): return .quote
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "<"): return .openBracket
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ">"): return .closeBracket
        case UInt8(ascii: "-"), UInt8(ascii: "_"): return .dash
        case UInt8(ascii: "*"): return .bullet
        default: return .symbol
        }
    }

    var isLetter: Bool { self == .upper || self == .lower || self == .caseless }
    /// How a sentence ends; a heading ends otherwise.
    var endsSentence: Bool { self == .period || self == .exclamation || self == .semicolon || self == .comma }
}

/// The scalars of valid UTF-8 (a String's bytes), decoded on the bytes: quicker than the
/// String's scalar view in the per-block loop (issue 12).
struct UTF8Scalars: Sequence, IteratorProtocol {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    @inline(__always)
    mutating func next() -> Unicode.Scalar? {
        guard i < bytes.count else { return nil }
        // Valid UTF-8 (sanitised text): the replacement character only stands for what cannot happen.
        guard let (scalar, length) = UTF8Scalar.decode(bytes, at: i) else {
            i += 1
            return "\u{FFFD}"
        }
        i += length
        return scalar
    }
}

/// The glyphs `BlockShape` counts, each in a field of 10 bits of one word: a block measures at
/// most `BlockShape.measuredBytes` (600) scalars, so no field overflows into the next.
enum GlyphCounts: Int, CaseIterable {
    case upper, lower, caseless, digit, comma, quote

    /// The field's count in `word`.
    @inline(__always)
    func of(_ word: UInt64) -> Int { Int((word &>> UInt64(10 * rawValue)) & 0x3FF) }

    /// What each glyph adds to the counts, indexed by its raw value: its field's 1, or 0.
    static let increments: [UInt64] = (0..<Glyph.tableSize).map { raw in
        let field: GlyphCounts? =
            switch Glyph(rawValue: UInt8(raw)) {
            case .upper: .upper
            case .lower: .lower
            case .caseless: .caseless
            case .digit: .digit
            case .comma: .comma
            case .quote: .quote
            default: nil
            }
        return field.map { 1 &<< UInt64(10 * $0.rawValue) } ?? 0
    }
}

/// What `BlockShape`'s loop needs of an ASCII byte, from its glyph, looked up by the byte: its
/// `GlyphCounts` increment, and flags for a space (1) and a sentence's end (2, the glyphs of
/// `BlockShape.stopGlyphs`). Buffers, not arrays: read without bounds checks or a lazy global
/// per byte (the loop reads `shared` once per block). Unchecked `Sendable`: written only in
/// `init`, read-only after.
struct ASCIIFacts: @unchecked Sendable {
    static let shared = ASCIIFacts()

    let increments: UnsafeBufferPointer<UInt64>
    let flags: UnsafeBufferPointer<UInt8>

    private init() {
        // Made once for the program's life, never freed: 1 KiB and 128 bytes.
        let increments = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 128)
        let flags = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 128)
        for byte in 0..<128 {
            let g = Glyph.asciiTable[byte]
            increments[byte] = GlyphCounts.increments[Int(g.rawValue)]
            let stop: UInt8 = BlockShape.stopGlyphs & (1 &<< g.rawValue) != 0 ? 2 : 0
            flags[byte] = (byte == 0x20 ? 1 : 0) | stop
        }
        self.increments = UnsafeBufferPointer(increments)
        self.flags = UnsafeBufferPointer(flags)
    }
}

/// What one block looks like, measured once when it arrives, in one pass over its
/// characters. Only a block short enough to be a heading is measured in full; a long
/// one is a paragraph whose shape matters only to its neighbours.
struct BlockShape {
    /// Blocks past this many bytes are paragraphs: measured on their start only.
    static let measuredBytes = 600
    /// Widest block that may be a heading, in columns.
    static let candidateWidth = 160

    var width = 0
    var words = 0
    var letters = 0, digits = 0, wide = 0
    var upperInitials = 0, lowerInitials = 0, upperLetters = 0, lowerLetters = 0
    var first = Glyph.none, last = Glyph.none, beforeLast = Glyph.none
    /// The last glyph before closing quotes, brackets and "[12]"-style citations.
    var closing = Glyph.none
    /// Sentence ends followed by more text: ". " inside the block.
    var innerStops = 0
    var commas = 0
    var quotes = 0
    /// The word (1-based) that ends in the block's first colon, 0 for none before the end.
    var colonWord = 0
    var isLong = false
    /// Greek letters: in Greek text ";" is the question mark.
    var greekLetters = 0
    var furniture: Furniture.Kinds = []
    /// A line of code or a shell command (`Furniture.isCode`): never a heading.
    var isCode = false
    /// "• item", "- item", "3) costs", "in § 5 BGB": a list's item, never a heading.
    var isListItem = false
    /// "Image", "Photo 3 of 12", "Bild 2 von 5": the label a page puts before a picture's caption
    /// (`Furniture.isMediaLabel`; also a credit). The block after it is the caption.
    var isMediaLabel = false
    var hasLink = false
    /// A link and at most two words: "https://example.org/report", "www.example.org".
    var isBareLink: Bool { hasLink && words <= 2 }
    /// "See also[edit]", "Geschichte[Bearbeiten | Quelltext bearbeiten]".
    var editSuffix = 0
    /// "Q:", "F:", "Frage:": an interview's speaker.
    var speakerLabel = false
    /// "1.", "2)", "10 -" before the text.
    var numbered = false
    /// "11.04 Uhr", "9:30", "14h05" at the start.
    var startsWithTime = false
    var hash: UInt64 = 0
    /// The hash of the text after a leading "3.1 " (a table of contents' entry), or 0.
    var entryHash: UInt64 = 0
    var firstWordHash: UInt64 = 0
    var firstWordBytes = 0

    // Facts about the article so far, taken when the block arrives (so they do not
    // depend on how the bytes were chunked).
    var index = 0
    var medianWidth = 0
    var seenBefore = false
    var shortSoFar = 0
    /// Heading-like blocks followed by body text, up to this block.
    var headedSoFar = 0
    /// Short or furniture blocks right before this one (a list, a gallery of captions).
    var runBefore = 0
    /// That run (or this block) follows a line ending in ":" or a "Read also" intro.
    var runIntroduced = false

    var isShort: Bool { width < 80 }
    var isQuoted: Bool { first == .quote && (last == .quote || beforeLast == .quote) }
    /// "To which Samantha replies:", "At first, she went with a simple formula:": a sentence
    /// that introduces what follows (a quote, a list), not a heading.
    var isLeadIn: Bool { last == .colon && (words >= 6 || commas > 0 || first == .lower) }
    var endsSentence: Bool { closing.endsSentence }
    var endsWithColon: Bool { last == .colon }
    var isCandidate: Bool { !isLong && width <= BlockShape.candidateWidth && letters > 0 }

    init(_ text: String) {
        var copy = text
        copy.withUTF8 { measure($0, text, byScalar: false) }
    }

    /// The same shape measured by the plain scalar-by-scalar rule that the counting loop of
    /// `init(_:)` replaces: the reference its differential test compares against.
    init(scalarByScalar text: String) {
        var copy = text
        copy.withUTF8 { measure($0, text, byScalar: true) }
    }

    private mutating func measure(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String, byScalar: Bool) {
        isLong = bytes.count > BlockShape.measuredBytes
        let measuredBytes = byScalar ? measureScalarByScalar(bytes) : measureScalars(bytes)
        if isLong {
            // Columns per byte as far as measured, for the rest.
            width = width * bytes.count / max(1, measuredBytes)
        }
        measureEnd(text.unicodeScalars)
        if greekLetters > 0 {
            // "Τι σημαίνει αυτό;" asks; Greek ends a question with ";" (often the ASCII one).
            if last == .semicolon { last = .question }
            if closing == .semicolon { closing = .question }
        }
        if colonWord == words && last == .colon { colonWord = 0 }
        hash = BlockShape.textHash(bytes)
        let numbering = BlockShape.numberingLength(bytes)
        if numbering > 0 { entryHash = BlockShape.textHash(UnsafeBufferPointer(rebasing: bytes[numbering...])) }
        // A first word is short: a block written without spaces is not scanned to its end.
        var firstWordEnd = 0
        let wordLimit = min(bytes.count, 64)
        while firstWordEnd < wordLimit && bytes[firstWordEnd] != 0x20 { firstWordEnd += 1 }
        firstWordBytes = firstWordEnd
        firstWordHash = CaseFold.hash(UnsafeBufferPointer(rebasing: bytes[0..<firstWordEnd]))
        guard isCandidate && width >= 2 else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { folded in
            CaseFold.fold(bytes, into: folded)
            let f = UnsafeBufferPointer(folded)
            furniture = Furniture.kinds(folded: f, original: bytes, words: words)
            isMediaLabel = Furniture.isMediaLabel(f)
            if isMediaLabel { furniture.insert(.credit) }
            hasLink = BlockShape.links.occursIn(f)
            isCode = Furniture.isCode(f)
            isListItem = BlockShape.isListItem(bytes, first: first)
            editSuffix = BlockShape.editSuffixLength(f)
            speakerLabel = BlockShape.speakerLabels.matchesStart(f)
            numbered = BlockShape.isNumbered(bytes)
            startsWithTime = BlockShape.startsWithTime(bytes)
        }
    }

    /// Words, widths and glyph counts in one pass over the scalars, up to `measuredBytes` of
    /// a long block; returns the bytes measured. This loop runs on up to 600 bytes of every
    /// block of every article the index reads, so the common byte takes a path of its own: a
    /// printable ASCII byte other than ":", once the first glyph is known. There, what the
    /// scalar before it was (a space, a sentence's end) is the byte before's `ASCIIFacts.flags`,
    /// carried in one register; the glyph's `GlyphCounts` increment is added to one word; and
    /// words and stops are sums of 0 and 1. So nothing per byte branches on the text (the
    /// `switch` over the glyph in `measureScalarByScalar` mispredicted on most letters) and the
    /// few running values stay in registers (carried flags, a colon's word and a width had
    /// them spilled, each byte's store then waiting on the last). Every other scalar takes
    /// the plain rule's step.
    private mutating func measureScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let stops = BlockShape.stopGlyphs
        let facts = ASCIIFacts.shared
        return Glyph.asciiTable.withUnsafeBufferPointer { asciiGlyphs in
            GlyphCounts.increments.withUnsafeBufferPointer { increments in
                @inline(__always) func stopsSentence(_ g: Glyph) -> Bool { stops & (1 &<< g.rawValue) != 0 }
                var counts: UInt64 = 0
                // The same increments, for glyphs that begin a word: only its letter fields are read.
                var initials: UInt64 = 0
                var words = 0, width = 0, wide = 0, innerStops = 0, greekLetters = 0, colonWord = 0
                var first = Glyph.none
                var afterSpace = true
                var afterStop = false
                // Han and kana in a row, unspaced: Chinese and Japanese have no spaces between words.
                var unspaced = 0
                var next = 0
                // Bytes measured are bytes read, but for an invalid sequence (which a String never
                // holds): its replacement character measures 3 bytes for the 1 read.
                var extra = 0
                let limit = isLong ? BlockShape.measuredBytes : Int.max
                while true {
                    let end = min(bytes.count, limit - extra)
                    guard next < end else { break }
                    // Unless the first glyph is still unknown or the next byte takes the plain step.
                    if first != .none && BlockShape.runsFast(bytes[next]) {
                        let start = next
                        let wordsBefore = words
                        // The scalar before, as `ASCIIFacts.flags`: a space (1), a sentence's end (2).
                        var before: UInt8 = (afterSpace ? 1 : 0) | (afterStop ? 2 : 0)
                        var k = next
                        while k < end {
                            let lead = bytes[k]
                            guard BlockShape.runsFast(lead) else { break }
                            let flags = facts.flags[Int(lead)]
                            let increment = facts.increments[Int(lead)]
                            let begins = before & ~flags & 1
                            words &+= Int(truncatingIfNeeded: begins)
                            counts &+= increment
                            initials &+= increment & (0 &- UInt64(truncatingIfNeeded: begins))
                            innerStops &+= Int(truncatingIfNeeded: flags & (before &>> 1) & 1)
                            before = flags
                            k &+= 1
                        }
                        if k > start {
                            width += k - start
                            afterSpace = before & 1 != 0
                            afterStop = before & 2 != 0
                            // A space in the run began a word after it or ended the run.
                            if words != wordsBefore || afterSpace { unspaced = 0 }
                            next = k
                            continue
                        }
                    }
                    // One scalar by the plain rule.
                    let (s, g, length, valid) = Glyph.decode(bytes, at: next, ascii: asciiGlyphs)
                    next += length
                    if !valid { extra += 2 }
                    let v = s.value
                    let isSpace = v == 0x20 || v == 0xA0 || v == 0x3000
                    if isSpace {
                        unspaced = 0
                    } else if v >= 0x3041 && BlockShape.isUnspacedScript(v) {
                        // A word every two characters, as in `measureScalarByScalar`.
                        if !afterSpace && unspaced % 2 == 0 { words += 1 }
                        unspaced += 1
                    } else if v >= 0x370 && v <= 0x3FF || v >= 0x1F00 && v <= 0x1FFF {
                        greekLetters += 1
                    }
                    let w = v < 0x300 ? (v < 0x20 ? 0 : 1) : DisplayWidth.of(s)
                    if w == 2 { wide += 1 }
                    width += w
                    let increment = increments[Int(g.rawValue)]
                    counts &+= increment
                    if afterSpace && !isSpace {
                        words += 1
                        initials &+= increment
                    }
                    if g == .colon && colonWord == 0 { colonWord = words }
                    if first == .none && !isSpace { first = g }
                    if isSpace && afterStop { innerStops += 1 }
                    afterStop = stopsSentence(g)
                    afterSpace = isSpace
                }
                self.words = words
                self.width = width
                self.wide = wide
                self.innerStops = innerStops
                self.greekLetters = greekLetters
                self.colonWord = colonWord
                self.first = first
                upperLetters = GlyphCounts.upper.of(counts)
                lowerLetters = GlyphCounts.lower.of(counts)
                letters = upperLetters + lowerLetters + GlyphCounts.caseless.of(counts)
                digits = GlyphCounts.digit.of(counts)
                commas = GlyphCounts.comma.of(counts)
                quotes = GlyphCounts.quote.of(counts)
                upperInitials = GlyphCounts.upper.of(initials)
                lowerInitials = GlyphCounts.lower.of(initials)
                return next + extra
            }
        }
    }

    /// Whether `measureScalars` takes a byte on its fast path: controls, ":" (a colon's word is
    /// kept) and non-ASCII take the plain step.
    @inline(__always)
    static func runsFast(_ byte: UInt8) -> Bool { byte &- 0x20 < 0x60 && byte != UInt8(ascii: ":") }

    /// Glyphs after which a space marks an inner stop ("ends. Then"), one bit per raw value.
    static let stopGlyphs: UInt32 = Glyph.allCases.reduce(0) {
        $0 | ($1.endsSentence || $1 == .question ? 1 &<< $1.rawValue : 0)
    }

    /// `measureScalars` by the plain rule, a scalar and a `switch` at a time: the reference.
    private mutating func measureScalarByScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var atWordStart = true
        var previous = Glyph.none
        var measuredBytes = 0
        // Han and kana in a row, unspaced: Chinese and Japanese have no spaces between words.
        var unspaced = 0
        let asciiGlyphs = Glyph.asciiTable
        var next = 0
        while next < bytes.count {
            // The scalars of `UTF8Scalars`, decoded here with ASCII's glyph from the table.
            let (s, g, length, _) = Glyph.decode(bytes, at: next, ascii: asciiGlyphs)
            next += length
            let isSpace = s.value == 0x20 || s.value == 0xA0 || s.value == 0x3000
            if isSpace {
                if previous.endsSentence || previous == .question { innerStops += 1 }
                atWordStart = true
                unspaced = 0
            } else {
                if s.value >= 0x3041 && BlockShape.isUnspacedScript(s.value) {
                    // A word every two characters (a Chinese word is one to two): a line of a
                    // hundred characters is a long sentence, not one word, and an eight-character
                    // heading has about as many words as its translation.
                    if !atWordStart && unspaced % 2 == 0 { words += 1 }
                    unspaced += 1
                } else if s.value >= 0x370 && s.value <= 0x3FF || s.value >= 0x1F00 && s.value <= 0x1FFF {
                    greekLetters += 1
                }
                if atWordStart {
                    words += 1
                    if g == .upper { upperInitials += 1 } else if g == .lower { lowerInitials += 1 }
                    atWordStart = false
                }
                switch g {
                case .upper: upperLetters += 1; letters += 1
                case .lower: lowerLetters += 1; letters += 1
                case .caseless: letters += 1
                case .digit: digits += 1
                case .comma: commas += 1
                case .quote: quotes += 1
                case .colon: if colonWord == 0 { colonWord = words }
                default: break
                }
                if first == .none { first = g }
            }
            let w = s.value < 0x300 ? (s.value < 0x20 ? 0 : 1) : DisplayWidth.of(s)
            if w == 2 { wide += 1 }
            width += w
            previous = isSpace ? .none : g
            measuredBytes += s.value < 0x80 ? 1 : s.value < 0x800 ? 2 : s.value < 0x10000 ? 3 : 4
            if isLong && measuredBytes >= BlockShape.measuredBytes { break }
        }
        return measuredBytes
    }

    /// The last glyphs, and the one a sentence would end with: "…in 1856.[48]" ends a
    /// sentence, as does "…he said.”"; only a few scalars from the end are read.
    private mutating func measureEnd(_ scalars: String.UnicodeScalarView) {
        var i = scalars.endIndex
        var seen = 0
        var inCitation = false
        while i > scalars.startIndex && seen < 24 {
            i = scalars.index(before: i)
            seen += 1
            let s = scalars[i]
            let g = Glyph(s)
            if seen == 1 { last = g } else if seen == 2 { beforeLast = g }
            if inCitation {
                inCitation = s != "["
            } else if s == "]" {
                inCitation = true
            } else if g != .quote && g != .closeBracket && s != " " {
                closing = g
                return
            }
        }
        closing = last
    }

    /// Equal for equal texts; long texts are hashed on their start and length. Eight bytes a
    /// step (FxHash's rotate, xor and multiply), not FNV-1a's byte at a time, which was a
    /// multiply per byte of 400 of every paragraph: the values only ever meet each other in
    /// equality tests (`HeadingWindow`'s texts seen before, "same text in next 3", `entryHash`
    /// against 0 for none), so any hash that tells texts apart serves and none is kept.
    static func textHash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = min(b.count, 400)
        let raw = UnsafeRawBufferPointer(b)
        var h = FNV1a.offsetBasis
        var i = 0
        while i + 8 <= n {
            h = (rotated(h) ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* textHashFactor
            i += 8
        }
        // The last bytes in one word; a zero byte of padding is told apart by the length.
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(b[i]) &<< shift
            shift += 8
            i += 1
        }
        return ((rotated(h) ^ tail) &* textHashFactor) ^ UInt64(b.count)
    }

    /// FxHash's odd multiplier (from Firefox and rustc).
    private static var textHashFactor: UInt64 { 0x517c_c1b7_2722_0a95 }

    @inline(__always)
    private static func rotated(_ h: UInt64) -> UInt64 { (h &<< 5) | (h &>> 59) }

    /// Bytes of a leading "3 ", "3.1 ", "12. " before more text, 0 if none.
    static func numberingLength(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        var digits = 0
        while i < b.count && i < 12 {
            if Furniture.isDigit(b[i]) { digits += 1 } else if b[i] != UInt8(ascii: ".") || digits == 0 { break }
            i += 1
        }
        guard digits > 0, i + 1 < b.count, b[i] == 0x20 else { return 0 }
        return i + 1
    }

    /// Han (with extension A and the compatibility ideographs) and kana: scripts written without
    /// spaces between words.
    @inline(__always)
    static func isUnspacedScript(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3041...0x30FA).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x3FFFF).contains(v)
    }

    static let links = ByteTable(["http://", "https://", "www.", ".com/", ".html", "@"])
    static let speakerLabels = ByteTable([
        "q:", "a:", "f:", "p:", "r:", "frage:", "antwort:", "question:",
        "réponse:", "pregunta:", "respuesta:", "domanda:", "risposta:", "q.", "q ",
    ])
    static let editWords = ByteTable([
        "edit", "bearbeiten", "modifier", "editar", "modifica", "bewerken", "edytuj",
        "muokkaa", "redigera", "rediger", "upravit", "szerkesztés", "düzenle",
        "編集", "编辑", "編輯", "편집", "править", "редактировать", "عدل", "עריכה",
        "sửa", "sunting",
    ])

    /// Bytes of a trailing "[edit]"-style link (with the space before it), 0 if none:
    /// a bracket at the end whose text starts with an edit word.
    static func editSuffixLength(_ f: UnsafeBufferPointer<UInt8>) -> Int {
        guard f.count >= 5, f[f.count - 1] == UInt8(ascii: "]") else { return 0 }
        var open = f.count - 2
        let floor = max(0, f.count - 64)
        while open > floor && f[open] != UInt8(ascii: "[") { open -= 1 }
        guard f[open] == UInt8(ascii: "["), open > 0,
            editWords.matchesStart(UnsafeBufferPointer(rebasing: f[(open + 1)...]))
        else { return 0 }
        var start = open
        while start > 0 && f[start - 1] == 0x20 { start -= 1 }
        return start > 0 ? f.count - start : 0
    }

    /// "1. ", "12) ", "3 - ", "IV. ": a number then a mark then a space.
    static func isNumbered(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count && i < 4 && Furniture.isDigit(b[i]) { i += 1 }
        guard i > 0, i + 1 < b.count else { return false }
        let mark = b[i]
        if mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")") { return b[i + 1] == 0x20 }
        // "3 - ", "3 – ": a hyphen or a dash (which starts with byte E2).
        return mark == 0x20 && i + 2 < b.count && (b[i + 1] == UInt8(ascii: "-") || b[i + 1] == 0xE2)
    }

    /// A list's item: a list bullet ("•", "·", "◦", "‣", "*") and a space first; "3) ", "b) " first; or a
    /// lowercase start with a "§" (a list of "in § 5 BGB" lines). Not a dash: Scandinavian papers open a
    /// quote with "– ", and their quoted sub-headings too ("– Jeg følte meg veldig ensom"); not the
    /// geometric marks ("◆", "■", "▶") that Japanese and Chinese pages put before a heading.
    static func isListItem(_ b: UnsafeBufferPointer<UInt8>, first: Glyph) -> Bool {
        guard b.count >= 3 else { return false }
        if b[0] == UInt8(ascii: "*") { return b[1] == 0x20 }
        // "•" E2 80 A2, "‣" E2 80 A3, "◦" E2 97 A6, then a space; "·" C2 B7 then a space.
        if b[0] == 0xE2 && b.count >= 4 && b[3] == 0x20 {
            let bullet = (b[1] == 0x80 && (b[2] == 0xA2 || b[2] == 0xA3)) || (b[1] == 0x97 && b[2] == 0xA6)
            if bullet { return true }
        }
        if b[0] == 0xC2 && b[1] == 0xB7 && b[2] == 0x20 { return true }
        var i = 0
        while i < b.count && i < 3 && Furniture.isDigit(b[i]) { i += 1 }
        if i == 0 && b[0] >= 0x61 && b[0] <= 0x7A { i = 1 }  // "a) "
        if i > 0 && i + 1 < b.count && b[i] == UInt8(ascii: ")") && b[i + 1] == 0x20 { return true }
        if first == .lower {
            // "§" is C2 A7.
            for k in 0..<(b.count - 1) where b[k] == 0xC2 && b[k + 1] == 0xA7 { return true }
        }
        return false
    }

    /// "11.04 Uhr", "9:30", "14h05": one or two digits, a mark, two digits.
    static func startsWithTime(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count && i < 2 && Furniture.isDigit(b[i]) { i += 1 }
        guard i > 0, i + 2 < b.count else { return false }
        let mark = b[i]
        guard mark == UInt8(ascii: ":") || mark == UInt8(ascii: ".") || mark == UInt8(ascii: "h") else { return false }
        let digits = Furniture.isDigit(b[i + 1]) && Furniture.isDigit(b[i + 2])
        return digits && (i + 3 == b.count || !Furniture.isDigit(b[i + 3]))
    }
}

/// The numbers the model scores for one block: its own shape, its neighbours up to
/// `HeadingDetector.lookahead` blocks on, and the block against the article so far.
/// Each feature is written with its name, so the names the training script sees and
/// the order of the weights cannot drift apart.
struct HeadingFeatures {
    /// Writes values (and, for the dump, names) in order.
    struct Writer {
        var values: UnsafeMutableBufferPointer<Double>
        var names: [String]?
        var count = 0

        mutating func callAsFunction(_ name: StaticString, _ value: Double) {
            if count < values.count { values[count] = value }
            names?.append(name.description)
            count += 1
        }

        mutating func callAsFunction(_ name: StaticString, _ flag: Bool) { self(name, flag ? 1 : 0) }
    }

    static let count: Int = { withUnsafeTemporaryAllocation(of: Double.self, capacity: 0) { names($0).count } }()

    static var names: [String] {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 0) { names($0) }
    }

    private static func names(_ buffer: UnsafeMutableBufferPointer<Double>) -> [String] {
        var w = Writer(values: buffer, names: [])
        write(into: &w, HeadingWindow.empty, at: 0)
        return w.names ?? []
    }

    /// Log of a width, from a table for the usual range (this runs per block).
    static func logWidth(_ w: Int) -> Double {
        w < logTable.count ? logTable[max(0, w)] : log1p(Double(w))
    }

    private static let logTable: [Double] = (0..<1024).map { log1p(Double($0)) }

    static func write(into w: inout Writer, _ blocks: HeadingWindow, at i: Int) {
        let b = blocks.shape(i) ?? BlockShape("")
        own(b, into: &w)
        neighbours(blocks, at: i, b, into: &w)
        article(blocks, at: i, b, into: &w)
    }

    private static func own(_ b: BlockShape, into w: inout Writer) {
        let width = b.width
        w("w<=12", width <= 12)
        w("w<=20", width > 12 && width <= 20)
        w("w<=30", width > 20 && width <= 30)
        w("w<=45", width > 30 && width <= 45)
        w("w<=60", width > 45 && width <= 60)
        w("w<=80", width > 60 && width <= 80)
        w("w<=100", width > 80 && width <= 100)
        w("w<=130", width > 100 && width <= 130)
        w("w>130", width > 130)
        w("log width", logWidth(width))
        w("words=1", b.words == 1)
        w("words=2", b.words == 2)
        w("words<=5", b.words >= 3 && b.words <= 5)
        w("words<=9", b.words >= 6 && b.words <= 9)
        w("words<=15", b.words >= 10 && b.words <= 15)
        w("words>15", b.words > 15)
        for g in Glyph.firstClasses { w(g.firstName, b.first == g) }
        for g in Glyph.lastClasses { w(g.lastName, b.last == g) }
        w("ends sentence", b.endsSentence)
        w("quoted", b.isQuoted)
        w("inner stops", min(3, Double(b.innerStops)))
        w("quote inside", b.quotes >= 2 && b.first != .quote)
        w("commas", min(3, Double(b.commas)))
        w("colon in words 1-3", b.colonWord > 0 && b.colonWord <= 3)
        w("colon later", b.colonWord > 3)
        let cased = b.upperInitials + b.lowerInitials
        w("capitalised words", cased > 0 ? Double(b.upperInitials) / Double(cased) : 0)
        w("all capitals", b.upperLetters >= 3 && b.lowerLetters == 0)
        w("lowercase words", cased > 0 && b.lowerInitials * 2 > cased)
        w("digit share", b.letters + b.digits > 0 ? Double(b.digits) / Double(b.letters + b.digits) : 0)
        w("wide share", b.width > 0 ? Double(2 * b.wide) / Double(b.width) : 0)
        w("numbered", b.numbered)
        w("starts with time", b.startsWithTime)
        w("speaker label", b.speakerLabel)
        w("edit suffix", b.editSuffix > 0)
        w("link", b.hasLink)
        w("credit", b.furniture.contains(.credit))
        w("byline", b.furniture.contains(.byline))
        w("date", b.furniture.contains(.date))
        w("control", b.furniture.contains(.control))
        w("tags", b.furniture.contains(.tags))
        w("stamp", b.furniture.contains(.stamp))
        w("related intro", b.furniture.contains(.related))
        // Issue 22.
        w("ends with ! or ?", b.last == .exclamation || b.last == .question)
        // Mostly wide characters (Korean puts spaces between words, Japanese half-width digits).
        w("short CJK", b.wide * 8 >= b.width * 3 && b.width <= 40 && !b.endsSentence && b.width > 0)
        w("speaker question", b.speakerLabel && b.last == .question)
        w("all capitals, 2+ words", b.upperLetters >= 3 && b.lowerLetters == 0 && b.words >= 2)
    }

    private static func neighbours(_ blocks: HeadingWindow, at i: Int, _ b: BlockShape, into w: inout Writer) {
        let prev = blocks.shape(i - 1), prev2 = blocks.shape(i - 2)
        let n1 = blocks.shape(i + 1), n2 = blocks.shape(i + 2), n3 = blocks.shape(i + 3)
        w("first block", prev == nil)
        w("prev log width", prev.map { logWidth($0.width) } ?? 0)
        w("prev ends sentence", prev?.endsSentence ?? false)
        w("prev ends with colon", prev?.endsWithColon ?? false)
        w("prev short", prev?.isShort ?? false)
        w("prev furniture", !(prev?.furniture.isEmpty ?? true))
        w("prev related intro", prev?.furniture.contains(.related) ?? false)
        w("prev headline-like", prev.map(looksLikeHeadline) ?? false)
        w("prev2 short", prev2?.isShort ?? false)
        w("prev2 headline-like", prev2.map(looksLikeHeadline) ?? false)
        w("next missing", n1 == nil)
        w("next log width", n1.map { logWidth($0.width) } ?? 0)
        w("next ends sentence", n1?.endsSentence ?? false)
        w("next short", n1?.isShort ?? false)
        w("next2 missing", n2 == nil)
        w("next2 log width", n2.map { logWidth($0.width) } ?? 0)
        w("next2 ends sentence", n2?.endsSentence ?? false)
        w("next2 short", n2?.isShort ?? false)
        w("next3 missing", n3 == nil)
        w("next3 log width", n3.map { logWidth($0.width) } ?? 0)
        w("next3 short", n3?.isShort ?? false)
        w("next furniture", !(n1?.furniture.isEmpty ?? true))
        w("next credit", n1?.furniture.contains(.credit) ?? false)
        w("prev credit", prev?.furniture.contains(.credit) ?? false)
        w("next bare link", n1?.isBareLink ?? false)
        w("next list item", n1?.isListItem ?? false)
        w("next code", n1?.isCode ?? false)
        w("next question", n1.map { $0.last == .question && $0.isShort } ?? false)
        // A kicker ("Sport") stands over the byline and the date, not over a section.
        w("next byline or date", !(n1?.furniture.isDisjoint(with: [.byline, .date, .stamp]) ?? true))
        w("next starts lowercase", n1?.first == .lower)
        w("next ends with colon", n1?.endsWithColon ?? false)
        w("next headline-like", n1.map(looksLikeHeadline) ?? false)
        w("next numbered or bulleted", n1.map { $0.numbered || $0.first == .bullet || $0.first == .dash } ?? false)
        w(
            "next repeats first word",
            n1.map {
                $0.firstWordHash == b.firstWordHash && b.firstWordBytes > 1
                    && $0.width > b.width
            } ?? false)
        let widest = max(n1?.width ?? 0, n2?.width ?? 0, n3?.width ?? 0)
        w("widest of next 3", logWidth(widest))
        let long =
            (n1.map { $0.width >= 200 } ?? false ? 1 : 0) + (n2.map { $0.width >= 200 } ?? false ? 1 : 0)
            + (n3.map { $0.width >= 200 } ?? false ? 1 : 0)
        w("long blocks in next 3", Double(long))
        // The first block after any furniture (a caption, a credit) is what the heading heads.
        let bodyFollows = HeadingFeatures.bodyFollows(n1, n2, n3)
        w("body follows", bodyFollows)
        w("only furniture follows", HeadingFeatures.onlyFurniture(n1, n2, n3))
        w("same text in next 3", n1?.hash == b.hash || n2?.hash == b.hash || n3?.hash == b.hash)
        var similar = 0, short = 0, quoted = 0
        for k in -3...3 where k != 0 {
            guard let o = blocks.shape(i + k) else { continue }
            if o.isShort { short += 1 }
            if o.isQuoted { quoted += 1 }
            if o.first == b.first && o.last == b.last && abs(logWidth(o.width) - logWidth(b.width)) < 0.35 {
                similar += 1
            }
        }
        w("short neighbours", Double(short) / 6)
        w("similar neighbours", Double(similar) / 6)
        w("quoted neighbours", Double(quoted) / 6)
        w("colon before a quote", b.endsWithColon && (n1.map { $0.first == .quote } ?? false))
        w("short and body follows", b.isShort && bodyFollows)
        w("colon and short follows", b.endsWithColon && (n1?.isShort ?? false))
        w("question and body follows", b.last == .question && (n1.map { $0.width >= 100 } ?? false))
        w("after colon line", (prev?.endsWithColon ?? false) && b.isShort)
        w("short run before", Double(min(b.runBefore, 6)) / 6)
        w("in an introduced list", b.runIntroduced && b.isShort)
        w("numbered list", b.numbered && ((prev?.numbered ?? false) || (n1?.numbered ?? false)))
        w("prev numbered", prev?.numbered ?? false)
        // A heading over a list or over a sub-heading: what follows is of a kind, and unlike it.
        let nextAlike = n1.map { a in n2.map { $0.isShort && a.isShort && $0.first == a.first } ?? false } ?? false
        w("next two alike", nextAlike)
        w("unlike a list after it", nextAlike && n1.map { $0.first != b.first || $0.numbered != b.numbered } ?? false)
        let nextHeadsText = (n1.map(looksLikeHeadline) ?? false) && HeadingFeatures.bodyFollows(n2, n3, nil)
        w("next is a heading over text", nextHeadsText)
        w(
            "all capitals among neighbours",
            b.upperLetters >= 3 && b.lowerLetters == 0
                && (prev.map { $0.upperLetters >= 3 && $0.lowerLetters == 0 } ?? false))
    }

    /// The first block after any furniture (a caption, a credit) is running text: what a
    /// heading heads.
    static func bodyFollows(_ n1: BlockShape?, _ n2: BlockShape?, _ n3: BlockShape?) -> Bool {
        firstNotFurniture(n1, n2, n3).map { $0.width >= 60 && $0.endsSentence } ?? false
    }

    /// Which of the model's two weight sets scores block `i`: headings over running text
    /// and headings over anything else (a list, another heading) are told apart by
    /// different cues, which one linear score mixes up.
    static func regime(_ blocks: HeadingWindow, at i: Int) -> HeadingModel.Regime {
        let n1 = blocks.shape(i + 1)
        let overText = bodyFollows(n1, blocks.shape(i + 2), blocks.shape(i + 3)) || (n1?.width ?? 0) >= 100
        return overText ? .overText : .overOther
    }

    /// The first block that is not furniture nor a bare address line ("https://…" under a heading).
    static func firstNotFurniture(_ n1: BlockShape?, _ n2: BlockShape?, _ n3: BlockShape?) -> BlockShape? {
        if let n1, n1.furniture.isEmpty && !n1.isBareLink { return n1 }
        if let n2, n2.furniture.isEmpty && !n2.isBareLink { return n2 }
        if let n3, n3.furniture.isEmpty && !n3.isBareLink { return n3 }
        return nil
    }

    /// No block but furniture before the look-ahead ends: a section of nothing.
    static func onlyFurniture(_ n1: BlockShape?, _ n2: BlockShape?, _ n3: BlockShape?) -> Bool {
        func empty(_ s: BlockShape?) -> Bool { s == nil || !s!.furniture.isEmpty }
        return empty(n1) && empty(n2) && empty(n3)
    }

    private static func article(_ blocks: HeadingWindow, at i: Int, _ b: BlockShape, into w: inout Writer) {
        let lastSeen = blocks.shape(min(i + HeadingDetector.lookahead, blocks.count - 1)) ?? b
        let median = max(1, lastSeen.medianWidth)
        w("log ratio to median", logWidth(b.width) - logWidth(median))
        w("log median width", logWidth(median))
        w("short share so far", Double(lastSeen.shortSoFar) / Double(lastSeen.index + 1))
        w("seen before", b.seenBefore)
        let earlier = blocks.shape(i - 1)?.headedSoFar ?? 0
        w("headed blocks before", Double(min(earlier, 6)) / 6)
        w("no headed block before", earlier == 0)
        w("log index", logWidth(min(i, 50)))
    }

    /// Short, no sentence end, not furniture: the shape of a heading or of a listed headline.
    static func looksLikeHeadline(_ s: BlockShape) -> Bool {
        s.width <= 100 && !s.endsSentence && s.furniture.isEmpty && s.letters > 0
    }
}

extension Glyph {
    static let firstClasses: [Glyph] = [
        .upper, .lower, .caseless, .digit, .quote, .openBracket, .dash, .bullet,
        .symbol,
    ]
    static let lastClasses: [Glyph] = [
        .upper, .lower, .caseless, .digit, .period, .exclamation, .question, .colon,
        .comma, .quote, .closeBracket, .dash, .ellipsis, .symbol,
    ]

    var firstName: StaticString {
        switch self {
        case .upper: "first upper"
        case .lower: "first lower"
        case .caseless: "first caseless"
        case .digit: "first digit"
        case .quote: "first quote"
        case .openBracket: "first bracket"
        case .dash: "first dash"
        case .bullet: "first bullet"
        default: "first symbol"
        }
    }

    var lastName: StaticString {
        switch self {
        case .upper: "last upper"
        case .lower: "last lower"
        case .caseless: "last caseless"
        case .digit: "last digit"
        case .period: "last period"
        case .exclamation: "last exclamation"
        case .question: "last question"
        case .colon: "last colon"
        case .comma: "last comma"
        case .quote: "last quote"
        case .closeBracket: "last bracket"
        case .dash: "last dash"
        case .ellipsis: "last ellipsis"
        default: "last symbol"
        }
    }
}
