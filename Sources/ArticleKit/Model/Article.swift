/// One article as read from a file: the title, the body split into sections,
/// and the titles its PREV/NEXT lines name. Text here is already sanitised:
/// it never contains control characters or bidirectional overrides.
public struct Article: Sendable, Equatable {
    public var title: String
    public var sections: [Section]
    /// The title after `PREV`, or nil when the line is missing.
    public var previousTitle: String?
    /// The title after `NEXT`, or nil when the line is missing.
    public var nextTitle: String?
    /// Where the article came from: a path, or a built-in name.
    public var source: String
    /// What was odd about the file but did not stop it being read.
    public var warnings: [String]

    public init(
        title: String, sections: [Section], previousTitle: String?, nextTitle: String?, source: String,
        warnings: [String] = []
    ) {
        self.title = title
        self.sections = sections
        self.previousTitle = previousTitle
        self.nextTitle = nextTitle
        self.source = source
        self.warnings = warnings
    }

    /// The sections that carry a heading, in order (the lede has none).
    public var headings: [String] { sections.compactMap(\.heading) }
}

/// A run of paragraphs under one heading. The lede, before the first heading, has no heading.
public struct Section: Sendable, Equatable {
    public var heading: String?
    public var paragraphs: [String]

    public init(heading: String?, paragraphs: [String]) {
        self.heading = heading
        self.paragraphs = paragraphs
    }
}

/// Which way a chain link points.
public enum LinkDirection: String, Sendable, CaseIterable {
    case previous = "PREV"
    case next = "NEXT"
}
