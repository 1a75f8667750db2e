/// Everything `check` reports about a collection.
public enum Diagnostic: Sendable, Equatable {
    /// A file that could not be served.
    case unreadable(ArticleError)
    /// A link to a title no article in the collection has.
    case dangling(source: String, direction: LinkDirection, title: String)
    /// A title shared by several files; links to it were resolved as `chosen` says.
    case ambiguousTitle(title: String, sources: [String])
    /// A's NEXT is B but B's PREV is not A (or the other way round).
    case notReciprocated(source: String, direction: LinkDirection, target: String, theirs: String?)
    /// A link that would close a loop; the chain is cut there.
    case cycle(from: String, to: String)

    public var kind: String {
        switch self {
        case .unreadable: return "unreadable"
        case .dangling: return "dangling"
        case .ambiguousTitle: return "ambiguous"
        case .notReciprocated: return "not-reciprocated"
        case .cycle: return "cycle"
        }
    }

    public var message: String {
        switch self {
        case .unreadable(let e): return e.description
        case .dangling(let s, let d, let t): return "\(shown(s)): \(d.rawValue) \"\(t)\" is not in this collection"
        case .ambiguousTitle(let t, let ss):
            return "\(ss.count) files share the title \"\(t)\": \(ss.map(shown).joined(separator: ", "))"
        case .notReciprocated(let s, let d, let t, let theirs):
            let back = d == .next ? "PREV" : "NEXT"
            return "\(shown(s)): \(d.rawValue) leads to \(shown(t)), whose \(back) is "
                + (theirs.map { "\"\($0)\"" } ?? "missing")
        case .cycle(let a, let b): return "\(shown(a)): its link to \(shown(b)) closes a loop; the chain is cut there"
        }
    }
}

public enum CollectionChecker {
    public static func diagnostics(_ collection: ArticleCollection, chains: ChainBuilder.Result? = nil) -> [Diagnostic]
    {
        var out = collection.failures.map(Diagnostic.unreadable)
        let entries = collection.entries
        for (i, r) in collection.resolutions.enumerated() {
            for (direction, link) in [(LinkDirection.previous, r.previous), (.next, r.next)] {
                guard let link else { continue }
                guard let target = link.target else {
                    out.append(.dangling(source: entries[i].source, direction: direction, title: link.title))
                    continue
                }
                let back =
                    direction == .next ? collection.resolutions[target].previous : collection.resolutions[target].next
                if back?.target != i {
                    out.append(
                        .notReciprocated(
                            source: entries[i].source, direction: direction, target: entries[target].source,
                            theirs: direction == .next
                                ? entries[target].links.previousTitle : entries[target].links.nextTitle))
                }
            }
        }
        for (title, group) in collection.duplicateTitles {
            out.append(.ambiguousTitle(title: title, sources: group.map { entries[$0].source }))
        }
        let result = chains ?? ChainBuilder.build(collection)
        for (a, b) in result.cycleEdges {
            out.append(.cycle(from: entries[a].source, to: entries[b].source))
        }
        return out
    }
}
