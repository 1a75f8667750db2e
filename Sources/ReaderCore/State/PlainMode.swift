import ArticleKit

/// Plain mode says where the reader is in words: a section or article change is announced in
/// the status line, where a screen reader finds it, and stays until the next key.
extension ReaderState {
    /// What an announcement follows: the article, the section, whether it is still being read.
    struct Whereabouts: Equatable {
        var article: ArticleID
        var section: Int
        var loading: Bool
    }

    var place: Whereabouts { Whereabouts(article: document.id, section: currentSection, loading: isLoading) }

    mutating func announcePlace(leaving before: Whereabouts) {
        let now = place
        guard !now.loading, now != before, prompt == nil else { return }
        let arrived = before.loading || before.article != now.article
        // "Now in": a change, told apart from the status line's steady "Section 2 of 5". A message of
        // the same key ("search hit the end…") keeps its words, the change follows it.
        let change = (arrived ? document.article.title + ". Now in s" : "Now in s") + sectionName.dropFirst()
        message = message.map { $0 + ". " + change } ?? change
    }

    /// "Section 2 of 5: Why the service came back", as plain mode's status line has it.
    public var sectionName: String {
        let sections = document.article.sections
        let i = currentSection
        guard sections.indices.contains(i) else { return "No sections" }
        return "Section \(i + 1) of \(sections.count): " + (sections[i].heading ?? "Beginning")
    }
}
