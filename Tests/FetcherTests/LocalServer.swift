import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 (a free port), for the fetcher's tests: each connection
/// on its own thread, one request each (`Connection: close`), answered by the test's handler. It can
/// answer, stall, trickle, or close without a word. Nothing reaches outside the machine.
final class LocalServer: @unchecked Sendable {
    struct Request: Sendable {
        var path: String
        var headers: [String: String]
    }
    enum Reply: Sendable {
        case respond(status: Int, headers: [(String, String)], body: [UInt8])
        /// Headers promising `length` bytes, one byte, then silence for `seconds`.
        case stall(seconds: Double)
        /// A byte every `interval` seconds, `count` times.
        case drip(interval: Double, count: Int)
        /// Headers and then `megabytes` MB of body, without a Content-Length.
        case flood(megabytes: Int)
    }

    let port: UInt16
    private let fd: Int32
    private let handler: @Sendable (Request) -> Reply
    let requests = Mutex<[Request]>([])
    private let stopped = Mutex(false)

    var base: String { "http://127.0.0.1:\(port)" }

    init(_ handler: @escaping @Sendable (Request) -> Reply) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        self.fd = fd
        let listener = fd
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 {
                    if errno == EINTR { continue }
                    return
                }
                Thread.detachNewThread { self.serve(client) }
            }
        }
    }

    /// A port nothing listens on: bound, then closed.
    static func deadPort() -> UInt16 {
        let server = try? LocalServer { _ in .respond(status: 200, headers: [], body: []) }
        let port = server?.port ?? 9
        server?.stop()
        return port
    }

    func stop() {
        stopped.withLock { $0 = true }
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    deinit { stop() }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !buffer.contains(sequence: [13, 10, 13, 10]) && buffer.count < 65536 {
            let n = read(client, &chunk, chunk.count)
            if n <= 0 { return }
            buffer += chunk[..<n]
        }
        let head = String(decoding: buffer, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return }
        var headers: [String: String] = [:]
        for line in lines {
            if let colon = line.firstIndex(of: ":") {
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                    in: .whitespaces)
            }
        }
        let request = Request(path: String(requestLine[1]), headers: headers)
        requests.withLock { $0.append(request) }
        switch handler(request) {
        case .respond(let status, let extra, let body):
            var text = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Status")\r\nContent-Length: \(body.count)\r\n"
            for (k, v) in extra { text += "\(k): \(v)\r\n" }
            text += "Connection: close\r\n\r\n"
            send(client, Array(text.utf8) + body)
        case .stall(let seconds):
            send(client, Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\nx".utf8))
            wait(seconds)
        case .drip(let interval, let count):
            send(client, Array("HTTP/1.1 200 OK\r\nContent-Length: \(count)\r\nConnection: close\r\n\r\n".utf8))
            for _ in 0..<count {
                if !send(client, [UInt8(ascii: "x")]) || stopped.withLock({ $0 }) { return }
                usleep(UInt32(interval * 1_000_000))
            }
        case .flood(let megabytes):
            send(client, Array("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".utf8))
            let block = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
            for _ in 0..<megabytes where send(client, block) {}
        }
    }

    private func wait(_ seconds: Double) {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end && !stopped.withLock({ $0 }) { usleep(20_000) }
    }

    @discardableResult
    private func send(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes {
                Glibc.send(client, $0.baseAddress! + done, bytes.count - done, Int32(MSG_NOSIGNAL))
            }
            if n <= 0 { return false }
            done += n
        }
        return true
    }
}

extension Array where Element == UInt8 {
    fileprivate func contains(sequence: [UInt8]) -> Bool {
        guard count >= sequence.count else { return false }
        for i in 0...(count - sequence.count) where self[i..<(i + sequence.count)].elementsEqual(sequence) {
            return true
        }
        return false
    }
}
