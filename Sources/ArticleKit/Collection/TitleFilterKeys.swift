import Synchronization

/// Every entry's title folded once, as the article list's filter folds it (`TextFold`, case folded
/// away), in one buffer: a key typed into the filter scans these bytes instead of folding every title
/// again (at 200,000 articles that was most of a second a key). The scan is a first pass, never
/// narrower than the filter's own match: a title whose folded bytes hold a word is then matched
/// exactly (no match inside a cluster kept whole, case when the filter has a capital).
public struct TitleFilterKeys: Sendable {
    /// The folded titles one after another; entry i's is `bytes[ends[i - 1]..<ends[i]]`.
    private let bytes: [UInt8]
    private let ends: [Int32]
    /// Whether a byte match in entry i's key is the filter's own match when case does not count: its
    /// fold kept no cluster whole (where a match may not begin or end), so any match is on a boundary.
    private let exact: [Bool]
    /// Each entry's folder, as an index into `folders`, the distinct folders folded (a few hundred in
    /// an archive of years: a word is looked for in each once, not once an entry).
    private let folderOf: [Int32]
    private let folders: [[UInt8]]

    public init(titles: [String], folders entryFolders: [String] = []) {
        // In chunks, each folded with one `TextFold`, whose memo of scalars met makes non-ASCII titles
        // cheap after the first few (a fold a title cost three times as much).
        let chunk = max(256, titles.count / 32)
        let starts = Array(stride(from: 0, to: titles.count, by: chunk))
        let parts = ParallelMap.map(starts) { start -> (bytes: [UInt8], ends: [Int32], exact: [Bool]) in
            var fold = TextFold()
            var bytes: [UInt8] = [], ends: [Int32] = [], exact: [Bool] = []
            for title in titles[start..<min(titles.count, start + chunk)] {
                let text = fold.fold(title)
                bytes.append(contentsOf: text.utf8)
                ends.append(Int32(bytes.count))
                exact.append(text.unbreakable.isEmpty)
            }
            return (bytes, ends, exact)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
        var ends: [Int32] = []
        ends.reserveCapacity(titles.count)
        var exact: [Bool] = []
        exact.reserveCapacity(titles.count)
        for part in parts {
            let base = Int32(bytes.count)
            bytes.append(contentsOf: part.bytes)
            ends.append(contentsOf: part.ends.map { $0 + base })
            exact.append(contentsOf: part.exact)
        }
        self.bytes = bytes
        self.ends = ends
        self.exact = exact
        var seen: [String: Int32] = [:]
        var folders: [[UInt8]] = []
        folderOf = entryFolders.map { folder in
            if let known = seen[folder] { return known }
            let n = Int32(folders.count)
            seen[folder] = n
            folders.append(TitleFilterKeys.fold(folder))
            return n
        }
        self.folders = folders
    }

    /// The folded words of `words` each distinct folder holds, for `folderMayContain`.
    public func folderMatches(_ words: [[UInt8]]) -> [[Bool]] {
        folders.map { folder in words.map { !folder.isEmpty && TitleFilterKeys.mayContain(folder, $0) } }
    }

    /// Whether entry `entry`'s folder holds word number `word` of the words `matches` was made for.
    public func folderMayContain(_ entry: Int, word: Int, in matches: [[Bool]]) -> Bool {
        guard folderOf.indices.contains(entry) else { return false }
        return matches[Int(folderOf[entry])][word]
    }

    /// Whether, with case folded away, `mayContain(entry, word)` is the filter's exact answer.
    public func isExact(_ entry: Int) -> Bool { exact.indices.contains(entry) && exact[entry] }

    /// Folds a word of the filter the way the titles are folded here.
    public static func fold(_ word: String) -> [UInt8] {
        var fold = TextFold()
        return fold.fold(word).utf8
    }

    /// Whether entry `entry`'s folded title holds `word` (folded by `fold`) as bytes.
    public func mayContain(_ entry: Int, _ word: [UInt8]) -> Bool {
        guard ends.indices.contains(entry) else { return false }
        let lo = entry == 0 ? 0 : Int(ends[entry - 1]), hi = Int(ends[entry])
        return TitleFilterKeys.holds(bytes, lo..<hi, word)
    }

    /// Whether `folded`, a folded text of its own (a folder's), holds `word` as bytes.
    public static func mayContain(_ folded: [UInt8], _ word: [UInt8]) -> Bool {
        holds(folded, 0..<folded.count, word)
    }

    private static func holds(_ hay: [UInt8], _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        let m = needle.count
        guard m > 0 else { return true }
        guard m <= range.count else { return false }
        return hay.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let first = n[0]
                var i = range.lowerBound
                let last = range.upperBound - m
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < m && h[i + j] == n[j] { j += 1 }
                        if j == m { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// The keys of one collection, made once at the first ask (a collection is a value; this box is
    /// shared by its copies, which have the same entries).
    final class Once: Sendable {
        private let made = Mutex<TitleFilterKeys?>(nil)

        func keys(for storage: EntryStorage) -> TitleFilterKeys {
            made.withLock { made in
                if let made { return made }
                let keys = TitleFilterKeys(
                    titles: (0..<storage.count).map(storage.title), folders: (0..<storage.count).map(storage.folder))
                made = keys
                return keys
            }
        }
    }
}
