import ArticleKit

/// What the reader knows of the folder: its articles (titles, links, identities; never their text), the
/// chains they make, whether it is still being indexed, and the articles the command line named.
struct Folder: Sendable {
    var collection: ArticleCollection
    var chains: ChainBuilder.Result
    /// True while the folder is indexed in the background: only the first article is known.
    var indexing: Bool
    /// The articles the command line named (`gazette a.txt b.txt`): the article list shows only
    /// them, while links still resolve across their folders. Nil: the list is the whole collection.
    let shortlist: [ArticleID]?

    /// The entries the article list offers, in the collection's order.
    var listPool: [Int] {
        guard let shortlist else { return Array(collection.entries.indices) }
        return shortlist.compactMap(collection.index(of:)).sorted()
    }

    /// Where `entry` sits in its chain: (1-based position, chain length).
    func chainPosition(_ entry: Int?) -> (index: Int, count: Int)? {
        guard let entry, chains.position.indices.contains(entry) else { return nil }
        let p = chains.position[entry]
        return (p.offset + 1, chains.chains[p.chain].entries.count)
    }

    /// "chain k/n", or "cycle k/n" when the chain comes round to its start.
    func chainLabel(_ entry: Int?) -> String? {
        guard let p = chainPosition(entry), let entry else { return nil }
        let cycle = chains.chains[chains.position[entry].chain].isCycle
        return "\(cycle ? "cycle" : "chain") \(p.index)/\(p.count)"
    }

    /// The entry before or after `entry` in its chain; in a cycle the head and the tail are neighbours.
    func chainNeighbour(_ entry: Int, _ direction: LinkDirection) -> Int? {
        if let direct = direction == .next ? chains.successor[entry] : chains.predecessor[entry] { return direct }
        let chain = chains.chains[chains.position[entry].chain]
        guard chain.isCycle, let head = chain.entries.first, let tail = chain.entries.last else { return nil }
        if direction == .next && entry == tail { return head }
        if direction == .previous && entry == head { return tail }
        return nil
    }

    /// The closing lines of `document`: where PREV and NEXT lead, as far as the folder knows them.
    func footer(for document: Document) -> [FooterLine] {
        let links = collection.index(of: document.id).map { collection.resolutions[$0] }
        return Document.footer(
            document.article, extent: document.extent, links: links, collection: collection, indexing: indexing)
    }
}
