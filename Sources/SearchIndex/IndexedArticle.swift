import ArticleKit

#if canImport(Glibc)
    import Glibc
#endif

/// What tells that a file changed since it was indexed: size, modification time and inode
/// (a file replaced by another of the same size and time is still seen).
struct FileStat: Sendable, Equatable {
    var size: Int64
    var mtime: Int64
    var inode: Int64

    /// Nil when the file is gone or cannot be looked at (it is then dropped from the index).
    static func of(_ path: String) -> FileStat? {
        var st = stat()
        guard stat(FileName.encode(path), &st) == 0 else { return nil }
        return FileStat(
            size: Int64(st.st_size), mtime: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
            inode: Int64(bitPattern: UInt64(st.st_ino)))
    }
}

/// One file made ready for the index: its title for result lines, and per section the text
/// as the index's tokenizer wants it. Made on any core; written by the one writer.
struct IndexedArticle: Sendable {
    struct SectionText: Sendable {
        var heading: String?
        var preparedHeading: String
        var preparedBody: String
    }

    var path: String
    var stat: FileStat
    var title: String
    var preparedTitle: String
    var sections: [SectionText]
    /// Why the file is not indexed (the same one-line reason as everywhere), or nil.
    var skipped: String?

    static func make(path: String, stat: FileStat, reader: FileReader, parser: ArticleParser) -> IndexedArticle {
        let article: Article
        do throws(ArticleError) {
            article = try parser.parse(try reader.read(path), source: path)
        } catch {
            return IndexedArticle(
                path: path, stat: stat, title: "", preparedTitle: "", sections: [], skipped: error.description)
        }
        return make(article, path: path, stat: stat)
    }

    static func make(_ article: Article, path: String, stat: FileStat) -> IndexedArticle {
        var text = IndexText()
        let sections = article.sections.map { section in
            SectionText(
                heading: section.heading, preparedHeading: section.heading.map { text.prepare($0) } ?? "",
                preparedBody: section.paragraphs.map { text.prepare($0) }.joined(separator: "\n"))
        }
        return IndexedArticle(
            path: path, stat: stat, title: article.title, preparedTitle: text.prepare(article.title),
            sections: sections, skipped: nil)
    }
}
