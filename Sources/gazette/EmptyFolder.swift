import ArticleKit
import Foundation

/// Why a folder gave no article: what was looked for, what is there instead (other files, subfolders
/// left out by `--depth`/`--no-recurse`, folders not read), and what to type. `toc`, `chain`, `dump`
/// and `search` say it rather than exiting with nothing said.
enum EmptyFolder {
    /// "*.txt, *.md", or "any file" for `--ext ''`.
    static func patterns(_ fileExtension: String) -> String {
        let exts = fileExtension.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return exts.isEmpty ? "any file" : exts.map { "*.\($0)" }.joined(separator: ", ")
    }

    /// The line for a folder with no article file; nil when it has some (or cannot be listed).
    static func why(_ folder: String, _ options: CollectionOptions) -> String? {
        let loader = options.loader
        // One article is enough to say nothing (found listing only the folders on the way to it: a search
        // with no hit in 200,000 articles must not list them all).
        guard loader.firstArticle(inFolder: folder) == nil,
            let articles = try? loader.listing(folder: folder), articles.files.isEmpty
        else { return nil }
        // Every file the same walk reaches, whatever its name: what is there instead.
        var every = loader
        every.fileExtension = ""
        let others = (try? every.listing(folder: folder).files) ?? []
        let depth = loader.effectiveDepth
        var line =
            "\(folder): no article files (\(patterns(options.fileExtension))) in this folder"
            + (depth > 0 ? " or its subfolders" : "")
        if !others.isEmpty {
            let names = others.map { ($0 as NSString).lastPathComponent }
            let exts = Set(names.compactMap { $0.contains(".") ? $0.split(separator: ".").last.map(String.init) : nil })
            let hint =
                exts.isEmpty ? "--ext '' reads every file" : "--ext \(exts.sorted().joined(separator: ",")) reads them"
            line += "; it holds \(others.count) other file\(others.count == 1 ? "" : "s") (\(hint))"
        }
        if depth == 0 {
            let subfolders = Self.subfolders(folder)
            if !subfolders.isEmpty {
                line +=
                    "; subfolders are not read with --no-recurse (--depth 0): "
                    + subfolders.prefix(3).joined(separator: " ") + (subfolders.count > 3 ? " …" : "")
            }
        }
        if let first = articles.skipped.first {
            let more = articles.skipped.count - 1
            line += "; \(first.description)" + (more > 0 ? " (and \(more) more)" : "")
        }
        return line
    }

    /// The folders directly in `folder` that are not hidden, by name.
    static func subfolders(_ folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
            let path = (folder.hasSuffix("/") ? folder : folder + "/") + name
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
                ? path : nil
        }
    }

    /// An error's line, with the reason spelled out for a folder without articles.
    static func describe(_ error: ArticleError, _ options: CollectionOptions) -> String {
        if case .noArticles(let path) = error, let line = why(path, options) { return line }
        return error.description
    }
}
