import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh, empty folder under the system's temporary directory, for tests that need
/// real files (FIFOs, symlinks, odd names, removal while indexed). `XCTestCase.temporaryFolder()`
/// makes one that is removed when the test ends, pass or fail.
public final class TemporaryFolder: Sendable {
    public let path: String

    public init(_ label: String = "test") throws {
        path = NSTemporaryDirectory() + "gazette-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String { path + "/" + name }

    /// Writes `bytes` to `name` (replacing it), failing the test when it cannot.
    @discardableResult
    public func write(
        _ name: String, _ bytes: [UInt8],
        file: StaticString = #filePath, line: UInt = #line
    ) -> String {
        let target = path(name)
        if !FileManager.default.createFile(atPath: target, contents: Data(bytes)) {
            XCTFail("could not write \(target)", file: file, line: line)
        }
        return target
    }

    @discardableResult
    public func write(
        _ name: String, _ fixture: Fixture,
        file: StaticString = #filePath, line: UInt = #line
    ) -> String {
        write(name, fixture.bytes, file: file, line: line)
    }

    /// Creates a subfolder (or a folder named like an article, to see it refused).
    @discardableResult
    public func makeFolder(_ name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: path(name), withIntermediateDirectories: true)
        return path(name)
    }

    /// Binds a Unix socket at `name` (left in place when the descriptor closes); its path,
    /// or nil when the system refuses (a path longer than `sun_path`, say).
    public func makeSocket(_ name: String) -> String? {
        let target = path(name)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(target.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
        return bound ? target : nil
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

extension XCTestCase {
    /// The one temporary-folder setup and teardown of the suite: a new folder for this
    /// test, removed after it (teardown blocks run even when the test fails or throws).
    public func temporaryFolder(_ label: String = "test") throws -> TemporaryFolder {
        let folder = try TemporaryFolder(label)
        addTeardownBlock { folder.remove() }
        return folder
    }
}
