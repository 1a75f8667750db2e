#if canImport(Glibc)
    import Glibc
#endif

/// Which files a named folder means, said once for every command, the reader, the search index and
/// the reading state: its article files and those of its subfolders, in the order of their paths'
/// bytes (`2026/01/b.txt` before `2026/02/a.txt`, as `find | LC_ALL=C sort` lists them).
///
/// - Hidden folders (a name starting with ".") are not read, as hidden files are not.
/// - A link to a folder is followed; a folder already read (reached again through a link) is not read
///   twice, and a link back to a folder it is in (a loop) is skipped and said. Folders are told apart
///   by device and inode, so however a loop is spelt it ends.
/// - At most `depth` folders down: 0 is the named folder alone (`--no-recurse`), the default 16. A
///   folder past the default bound is said (name it to read it, or give `--depth`); past a depth the
///   person gave, it is left out without a word, as asked.
///
/// Subfolders are visited in the order of their names with a "/" after them, so that the files come
/// out already in path order without sorting the whole listing, and the first article is found by
/// listing only the folders on the way to it (`first`).
public struct FolderWalk {
    /// How many folders down a named folder is read when no depth is given.
    public static let defaultDepth = 16

    public let depth: Int
    /// Whether a folder past `depth` is said (the default bound) or left out silently (a depth given).
    public let reportsDepth: Bool
    let isArticle: (UnsafeBufferPointer<UInt8>) -> Bool

    /// Files and folders that were not read, as the walk found them: loops, folders past the default
    /// depth, subfolders that cannot be listed. Said by the commands on stderr and by the reader on exit.
    public private(set) var skipped: [ArticleError] = []
    /// The folders listed, relative to the named one ("" for itself, else ending in "/"), with their
    /// modification times: what decides the walk, for `FirstArticleCache`.
    public private(set) var listed: [(folder: [UInt8], mtime: Int64)] = []

    /// Folders read so far (device, inode), and those on the way down to the one being read.
    private var visited = Set<FolderKey>()
    private var ancestors: [FolderKey] = []

    struct FolderKey: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    public init(depth: Int?, isArticle: @escaping (UnsafeBufferPointer<UInt8>) -> Bool) {
        self.depth = max(0, depth ?? Self.defaultDepth)
        reportsDepth = depth == nil
        self.isArticle = isArticle
    }

    /// Every article file under `folder` (relative paths, as bytes), in path order.
    /// Throws when the named folder itself cannot be listed.
    public mutating func files(under folder: String) throws(ArticleError) -> [[UInt8]] {
        let root = try enter(folder)
        var out: [[UInt8]] = []
        walk(root: root, folder, relative: [], level: 0) { name in
            out.append(name)
            return false
        }
        return out
    }

    /// The first article file under `folder` by path, listing only the folders that come before it
    /// (in a year/month archive: the folder itself, the first year and the first month); nil when
    /// there is none or the folder cannot be listed.
    public mutating func first(under folder: String) -> [UInt8]? {
        guard let root = try? enter(folder) else { return nil }
        var found: [UInt8]? = nil
        walk(root: root, folder, relative: [], level: 0, firstOnly: true) { name in
            found = name
            return true
        }
        return found
    }

    /// Whether a path lies where a walk of `folder` to `depth` reaches, by its spelling alone: under the
    /// folder, no hidden folder on the way, at most `depth` folders down. (Links and loops are the
    /// walk's to judge; this is what the index and the reading state ask of the paths they keep.)
    public static func reaches(_ path: String, from folder: String, depth: Int) -> Bool {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        guard path.hasPrefix(base) else { return false }
        var level = 0
        var start = true
        for byte in path.utf8.dropFirst(base.utf8.count) {
            if start && byte == UInt8(ascii: ".") { return false }
            start = byte == UInt8(ascii: "/")
            if start {
                level += 1
                if level > depth { return false }
            }
        }
        return !start
    }

    /// The folder (with its trailing slash) that puts `path` below `depth` levels under `base`, or nil
    /// when it is not that deep: what a reader of paths in sorted order can step over whole.
    public static func tooDeepFolder(_ path: String, under base: String, depth: Int) -> Substring? {
        guard path.hasPrefix(base) else { return nil }
        var level = 0
        let utf8 = path.utf8
        var i = utf8.index(utf8.startIndex, offsetBy: base.utf8.count)
        while i != utf8.endIndex {
            if utf8[i] == UInt8(ascii: "/") {
                level += 1
                if level > depth { return path[...i] }
            }
            i = utf8.index(after: i)
        }
        return nil
    }

    /// The folder part of a path relative to `base` (the named folder, as written): "2026/01" for
    /// "base/2026/01/x.txt", "" for a file directly in it.
    public static func relativeFolder(of path: String, under base: String) -> String {
        let prefix = base.isEmpty || base.hasSuffix("/") ? base : base + "/"
        guard path.hasPrefix(prefix) else { return "" }
        let rest = path.utf8.dropFirst(prefix.utf8.count)
        guard let slash = rest.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(Substring(rest[..<slash]))
    }

    /// One folder's own article files and subfolders (names, as the walk takes them: hidden ones left
    /// out, a link to a folder a folder), and its mtime taken before its names were read; nil when it
    /// cannot be listed. What the search index re-lists when a folder's mtime moved.
    /// `inodes`, parallel to `files`: each file's inode number as the folder lists it (a name replaced
    /// by renaming another file over it has a new one).
    public func entries(of folder: String) -> (files: [String], inodes: [UInt64], folders: [String], mtime: Int64)? {
        var path = FileName.encode(folder).map { UInt8(bitPattern: $0) }
        path.removeLast()  // the NUL
        guard let (files, inodes, folders, mtime) = read(path, firstOnly: false) else { return nil }
        return (files.map { FileName.decode($0) }, inodes, folders.map { FileName.decode($0) }, mtime)
    }

    // MARK: The walk

    private mutating func enter(_ folder: String) throws(ArticleError) -> [UInt8] {
        let path = folder.isEmpty ? "." : folder
        var st = stat()
        let encoded = FileName.encode(path)
        guard stat(encoded, &st) == 0 else {
            if errno == ENOENT { throw .notFound(path: folder) }
            throw .notReadable(path: folder, reason: "the folder cannot be listed")
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            throw .notReadable(path: folder, reason: "the folder cannot be listed")
        }
        let key = FolderKey(st)
        visited = [key]
        ancestors = [key]
        skipped = []
        listed = []
        var bytes = encoded.map { UInt8(bitPattern: $0) }
        bytes.removeLast()  // the NUL
        if bytes.last != UInt8(ascii: "/") { bytes.append(UInt8(ascii: "/")) }
        return bytes
    }

    /// One folder's entries: article files and subfolders, each kind by name. `firstOnly` keeps only the
    /// first file by name (no listing of 100,000 names is kept or sorted for the first screen).
    private func read(_ path: [UInt8], firstOnly: Bool) -> (
        files: [[UInt8]], inodes: [UInt64], folders: [[UInt8]], mtime: Int64
    )? {
        guard let dir = opendir(path.cString) else { return nil }
        defer { closedir(dir) }
        var st = stat()
        let mtime = fstat(dirfd(dir), &st) == 0 ? Self.nanoseconds(st.st_mtim) : 0
        var files: [[UInt8]] = []
        var inodes: [UInt64] = []
        var folders: [[UInt8]] = []
        let fd = dirfd(dir)
        while let entry = readdir(dir) {
            let type = entry.pointee.d_type
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                let name = UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.count)])
                // Hidden, ".", "..": never read.
                guard let lead = name.first, lead != UInt8(ascii: ".") else { return }
                var isFolder = type == UInt8(DT_DIR)
                if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) {
                    // A link (or a file system that does not say): what it leads to decides.
                    var target = stat()
                    isFolder =
                        fstatat(
                            fd, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self), &target, 0)
                        == 0 && (target.st_mode & S_IFMT) == S_IFDIR
                }
                if isFolder {
                    folders.append(Array(name))
                } else if isArticle(name) {
                    if !firstOnly {
                        files.append(Array(name))
                        inodes.append(UInt64(entry.pointee.d_ino))
                    } else if files.isEmpty || name.lexicographicallyPrecedes(files[0]) {
                        files = [Array(name)]
                    }
                }
            }
        }
        return (files, firstOnly ? [] : inodes, folders, mtime)
    }

    /// Depth first, in path order; `emit` gets each file's path relative to the root and returns true
    /// to stop. Returns true when stopped.
    @discardableResult
    private mutating func walk(
        root: [UInt8], _ named: String, relative: [UInt8], level: Int, firstOnly: Bool = false,
        _ emit: ([UInt8]) -> Bool
    ) -> Bool {
        guard let (files, _, folders, mtime) = read(root + relative, firstOnly: firstOnly) else {
            skipped.append(.notReadable(path: display(named, relative), reason: "the folder cannot be listed"))
            return false
        }
        listed.append((relative, mtime))
        // A folder's files come out under "name/": sorted by that key, merged with the files by name.
        let slash = UInt8(ascii: "/")
        var items = files.map { (key: $0, isFolder: false) }
        items += folders.map { (key: $0 + [slash], isFolder: true) }
        items.sort { $0.key.lexicographicallyPrecedes($1.key) }
        for item in items {
            let path = relative.isEmpty ? item.key : relative + item.key
            guard item.isFolder else {
                if emit(path) { return true }
                continue
            }
            if level + 1 > depth {
                if reportsDepth {
                    skipped.append(
                        .folderSkipped(
                            path: display(named, path),
                            reason: "it is more than \(depth) folders down (name it, or give --depth)"))
                }
                continue
            }
            var st = stat()
            guard stat((root + path).cString, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { continue }
            let key = FolderKey(st)
            if ancestors.contains(key) {
                skipped.append(
                    .folderSkipped(path: display(named, path), reason: "it leads back to a folder it is in (a loop)"))
                continue
            }
            // The same folder reached again through a link: read once, where it came first.
            guard visited.insert(key).inserted else { continue }
            ancestors.append(key)
            let stopped = walk(root: root, named, relative: path, level: level + 1, firstOnly: firstOnly, emit)
            ancestors.removeLast()
            if stopped { return true }
        }
        return false
    }

    /// A folder as the person would name it: the named folder's path and the rest, without the last "/".
    private func display(_ named: String, _ relative: [UInt8]) -> String {
        let base = named.isEmpty || named.hasSuffix("/") ? named : named + "/"
        let rest = relative.last == UInt8(ascii: "/") ? relative.dropLast() : relative[...]
        return base + FileName.decode(rest)
    }

    static func nanoseconds(_ t: timespec) -> Int64 { Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec) }
}

extension FolderWalk.FolderKey {
    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }
}

extension [UInt8] {
    /// The bytes NUL-terminated, for the system.
    fileprivate var cString: [CChar] { map { CChar(bitPattern: $0) } + [0] }
}
