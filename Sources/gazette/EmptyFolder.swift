import ArticleKit
import Foundation

/// Why a folder gave no article: what was looked for, what is there instead (other files, subfolders,
/// which are never read), and what to type. `toc`, `chain`, `dump` and `search` say it rather than
/// exiting with nothing said.
enum EmptyFolder {
    /// "*.txt, *.md", or "any file" for `--ext ''`.
    static func patterns(_ fileExtension: String) -> String {
        let exts = fileExtension.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return exts.isEmpty ? "any file" : exts.map { "*.\($0)" }.joined(separator: ", ")
    }

    /// The line for a folder with no article file; nil when it has some (or cannot be listed).
    static func why(_ folder: String, fileExtension: String) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        let loader = CollectionLoader(fileExtension: fileExtension)
        let visible = names.filter { !$0.hasPrefix(".") }.sorted()
        var subfolders: [String] = []
        var others: [String] = []
        for name in visible {
            let path = (folder.hasSuffix("/") ? folder : folder + "/") + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                subfolders.append(path)
            } else if loader.isArticlePath(path) {
                return nil
            } else {
                others.append(name)
            }
        }
        var line = "\(folder): no article files (\(patterns(fileExtension))) in this folder"
        if !others.isEmpty {
            let exts = Set(
                others.compactMap { $0.contains(".") ? $0.split(separator: ".").last.map(String.init) : nil })
            let hint =
                exts.isEmpty ? "--ext '' reads every file" : "--ext \(exts.sorted().joined(separator: ",")) reads them"
            line += "; it holds \(others.count) other file\(others.count == 1 ? "" : "s") (\(hint))"
        }
        if !subfolders.isEmpty {
            line +=
                "; subfolders are not read, name them: \(subfolders.prefix(3).joined(separator: " "))"
                + (subfolders.count > 3 ? " …" : "")
        }
        return line
    }

    /// An error's line, with the reason spelled out for a folder without articles.
    static func describe(_ error: ArticleError, fileExtension: String) -> String {
        if case .noArticles(let path) = error, let line = why(path, fileExtension: fileExtension) { return line }
        return error.description
    }
}
