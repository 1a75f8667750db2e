/// One PREV/NEXT chain, head to tail.
public struct Chain: Sendable, Equatable {
    public var entries: [Int]
    /// The title the head's PREV names when no article has it.
    public var danglingPrevious: String?
    /// The title the tail's NEXT names when no article has it.
    public var danglingNext: String?
    /// The tail leads back to the head: a cycle, cut where its last edge (in the order edges are
    /// taken) would have closed it. Positions count from that head, and following past the tail
    /// comes round to 1 again, so the reader shows them as "cycle k/n".
    public var isCycle = false
}

/// Splits a collection into chains so that every entry is in exactly one.
///
/// An edge A→B exists when A's NEXT resolves to B or B's PREV resolves to A.
/// Each entry keeps at most one successor and one predecessor: edges both ends
/// agree on come first, then NEXT edges, then PREV edges, each in file order. An
/// edge that would close a cycle is dropped, which is how cycles end.
public struct ChainBuilder: Sendable {
    public struct Result: Sendable {
        public var chains: [Chain]
        /// Per entry: its successor and predecessor in its chain.
        public var successor: [Int?]
        public var predecessor: [Int?]
        /// Edges dropped because they would close a loop: (from, to).
        public var cycleEdges: [(Int, Int)]
        /// Position of each entry in its chain (0-based) and that chain's index.
        public var position: [(chain: Int, offset: Int)]
    }

    public static func build(_ collection: ArticleCollection) -> Result {
        let n = collection.entries.count
        var successor = [Int?](repeating: nil, count: n)
        var predecessor = [Int?](repeating: nil, count: n)
        var sets = DisjointSets(n)
        var cycleEdges: [(Int, Int)] = []

        var reciprocal: [(Int, Int)] = [], fromNext: [(Int, Int)] = [], fromPrevious: [(Int, Int)] = []
        for a in 0..<n {
            if let b = collection.target(a, .next) {
                if collection.target(b, .previous) == a {
                    reciprocal.append((a, b))
                } else {
                    fromNext.append((a, b))
                }
            }
            if let p = collection.target(a, .previous), collection.target(p, .next) != a {
                fromPrevious.append((p, a))
            }
        }
        for (a, b) in [reciprocal, fromNext, fromPrevious].joined() {
            guard a != b else { cycleEdges.append((a, b)); continue }
            guard successor[a] == nil, predecessor[b] == nil else { continue }
            if sets.find(a) == sets.find(b) { cycleEdges.append((a, b)); continue }
            sets.union(a, b)
            successor[a] = b
            predecessor[b] = a
        }

        var chains: [Chain] = []
        var position = [(chain: Int, offset: Int)](repeating: (0, 0), count: n)
        for head in 0..<n where predecessor[head] == nil {
            var members: [Int] = []
            var cursor: Int? = head
            while let c = cursor {
                position[c] = (chains.count, members.count)
                members.append(c)
                cursor = successor[c]
            }
            let tail = members[members.count - 1]
            let prevLink = collection.link(head, .previous)
            let nextLink = collection.link(tail, .next)
            chains.append(
                Chain(
                    entries: members,
                    danglingPrevious: prevLink?.isDangling == true ? prevLink?.title : nil,
                    danglingNext: nextLink?.isDangling == true ? nextLink?.title : nil,
                    isCycle: members.count > 1 && cycleEdges.contains { $0 == (tail, head) }
                ))
        }
        return Result(
            chains: chains, successor: successor, predecessor: predecessor, cycleEdges: cycleEdges, position: position)
    }
}

/// Union–find over entry indices, to see in constant time whether an edge closes a loop.
struct DisjointSets {
    private var parent: [Int]
    init(_ n: Int) { parent = Array(0..<n) }
    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var c = x
        while parent[c] != root { let next = parent[c]; parent[c] = root; c = next }
        return root
    }
    mutating func union(_ a: Int, _ b: Int) { parent[find(a)] = find(b) }
}
