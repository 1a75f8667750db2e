import Foundation

/// Which folders the paths on a command line mean, said once for the reader, the index, the reading state
/// and the commands: a folder means itself, a file its own folder (where its links resolve).
public enum NamedPaths {
    public enum Kind: Sendable, Equatable {
        case folder
        case file
        /// A symbolic link to nothing: opening it says why it cannot be read; elsewhere it is not there.
        case brokenLink
        case missing
    }

    /// What is at `path`, following links.
    public static func kind(_ path: String) -> Kind {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? .folder : .file
        }
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil ? .brokenLink : .missing
    }

    /// The folder part of a path as it is written: "" for a bare name, "/" for a file at the root.
    public static func parent(_ path: String) -> String {
        (path as NSString).deletingLastPathComponent
    }

    /// The folders `paths` mean, in order and each once: a folder itself, a file's parent ("." for a bare
    /// name); a path with nothing there means none.
    public static func folders(_ paths: [String]) -> [String] {
        var seen = Set<String>()
        var folders: [String] = []
        for path in paths {
            let folder: String
            switch kind(path) {
            case .folder: folder = path
            case .file: folder = parent(path).isEmpty ? "." : parent(path)
            case .brokenLink, .missing: continue
            }
            if seen.insert(folder).inserted { folders.append(folder) }
        }
        return folders
    }
}
