import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// How polite and how patient a fetch is.
public struct HTTPOptions: Sendable {
    /// Seconds without a byte from the server before giving up: the connection, and any stall after it.
    public var connectTimeout: Double = 15
    /// Seconds a whole response may take, however it trickles in.
    public var totalTimeout: Double = 60
    /// The most bytes a response may have (after gzip is undone); more is refused.
    public var maxBytes = 16 << 20
    /// The most redirects followed for one request.
    public var maxRedirects = 5
    public var userAgent = "Gazette"

    public init() {}
}

/// What a feed's last answer said, to ask again conditionally (ETag, Last-Modified).
public struct Validators: Codable, Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?
    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }
}

public struct HTTPResponse: Sendable {
    /// 200… or 304 (not modified).
    public var status: Int
    /// The address the answer came from, after redirects.
    public var url: String
    public var body: [UInt8]
    public var contentType: String?
    public var validators: Validators
    /// The new address when every redirect on the way was permanent (301, 308).
    public var movedTo: String?
    public var notModified: Bool { status == 304 }
}

/// Why a request failed, in a few words ("timed out after 15 s without an answer", "HTTP 404 Not Found").
public struct FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// HTTP(S) GET with FoundationNetworking's URLSession (libcurl underneath: gzip, TLS), and `file:`
/// reads. Blocking: each call waits for its answer, so callers run it on their own threads. One
/// request at a time per host; connect (idle) and total timeouts, a size cap, bounded redirects
/// that never leave http and https, conditional requests.
public final class HTTPClient: Sendable {
    public let options: HTTPOptions
    /// One request at a time per host: a lock for each host seen.
    private let hosts = Mutex<[String: NSLock]>([:])

    public init(options: HTTPOptions = HTTPOptions()) { self.options = options }

    public func get(_ address: String, validators: Validators? = nil, accept: String = "*/*") -> Result<
        HTTPResponse, FetchError
    > {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased() else {
            return .failure(FetchError("not an address: \(address)"))
        }
        switch scheme {
        case "file": return readFile(url)
        case "http", "https": break
        default: return .failure(FetchError("only http, https and file addresses are fetched, not \(scheme):"))
        }
        let host = (url.host ?? "").lowercased() + ":" + String(url.port ?? 0)
        let gate = hosts.withLock { locks in
            if let lock = locks[host] { return lock }
            let lock = NSLock()
            locks[host] = lock
            return lock
        }
        gate.lock()
        defer { gate.unlock() }
        return fetch(url, validators: validators, accept: accept)
    }

    private func fetch(_ url: URL, validators: Validators?, accept: String) -> Result<HTTPResponse, FetchError> {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = options.connectTimeout
        configuration.timeoutIntervalForResource = options.totalTimeout + 5
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        let delegate = TaskDelegate(maxBytes: options.maxBytes, maxRedirects: options.maxRedirects)
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(
            url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: options.connectTimeout)
        request.setValue(options.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue(accept, forHTTPHeaderField: "Accept")
        if let etag = validators?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let date = validators?.lastModified { request.setValue(date, forHTTPHeaderField: "If-Modified-Since") }
        let task = session.dataTask(with: request)
        task.resume()
        if delegate.done.wait(timeout: .now() + options.totalTimeout) == .timedOut {
            delegate.state.withLock { $0.overTime = true }
            task.cancel()
            _ = delegate.done.wait(timeout: .now() + 5)
        }
        let state = delegate.state.withLock { $0 }
        if state.overTime {
            return .failure(FetchError("timed out: no whole answer in \(seconds(options.totalTimeout))"))
        }
        if state.overSize { return .failure(FetchError("too big: over \(options.maxBytes >> 20) MB")) }
        if let refused = state.refusedRedirect { return .failure(FetchError(refused)) }
        if let error = state.error { return .failure(Self.describe(error, options: options)) }
        guard let http = state.response else { return .failure(FetchError("no answer")) }
        let status = http.statusCode
        guard (200..<300).contains(status) || status == 304 else {
            let name = HTTPURLResponse.localizedString(forStatusCode: status)
            return .failure(FetchError("HTTP \(status)" + (name.isEmpty ? "" : " " + name.capitalized)))
        }
        let final = http.url?.absoluteString ?? url.absoluteString
        return .success(
            HTTPResponse(
                status: status, url: final, body: state.body,
                contentType: http.value(forHTTPHeaderField: "Content-Type"),
                validators: Validators(
                    etag: http.value(forHTTPHeaderField: "ETag"),
                    lastModified: http.value(forHTTPHeaderField: "Last-Modified")),
                movedTo: state.redirects > 0 && state.allPermanent ? final : nil))
    }

    private func readFile(_ url: URL) -> Result<HTTPResponse, FetchError> {
        let path = url.path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(FetchError("cannot read \(path)"))
        }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: options.maxBytes + 1) ?? Data() else {
            return .failure(FetchError("cannot read \(path)"))
        }
        if data.count > options.maxBytes { return .failure(FetchError("too big: over \(options.maxBytes >> 20) MB")) }
        return .success(
            HTTPResponse(
                status: 200, url: url.absoluteString, body: [UInt8](data), contentType: nil, validators: Validators(),
                movedTo: nil))
    }

    func seconds(_ s: Double) -> String { s == s.rounded() ? "\(Int(s)) s" : "\(s) s" }

    /// A URLSession error as a few words.
    static func describe(_ error: any Error, options: HTTPOptions) -> FetchError {
        let ns = error as NSError
        let detail = (ns.userInfo[NSLocalizedDescriptionKey] as? String).map { HTMLCollapse.line($0) }
        switch ns.code {
        case NSURLErrorTimedOut:
            return FetchError("timed out: nothing from the server for \(Int(options.connectTimeout)) s")
        case NSURLErrorCannotConnectToHost: return FetchError("cannot connect: no server answers there")
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return FetchError("host not found")
        case NSURLErrorNetworkConnectionLost: return FetchError("the connection was lost")
        case NSURLErrorNotConnectedToInternet: return FetchError("no network")
        case NSURLErrorHTTPTooManyRedirects: return FetchError("too many redirects")
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateHasBadDate,
            NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasUnknownRoot,
            NSURLErrorServerCertificateNotYetValid, NSURLErrorClientCertificateRejected,
            NSURLErrorClientCertificateRequired:
            return FetchError("TLS error: " + (detail ?? "the secure connection failed"))
        default:
            return FetchError(detail ?? "network error \(ns.code)")
        }
    }
}

enum HTMLCollapse {
    /// One line: whitespace runs as one space.
    static func line(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// One request's answer as URLSession hands it over.
final class TaskDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct State {
        var response: HTTPURLResponse?
        var body: [UInt8] = []
        var error: (any Error)?
        var redirects = 0
        var allPermanent = true
        var refusedRedirect: String?
        var overSize = false
        var overTime = false
    }
    let state = Mutex(State())
    let done = DispatchSemaphore(value: 0)
    let maxBytes: Int
    let maxRedirects: Int

    init(maxBytes: Int, maxRedirects: Int) {
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let tooBig = response.expectedContentLength > Int64(maxBytes)
        state.withLock {
            $0.response = response as? HTTPURLResponse
            if tooBig { $0.overSize = true }
        }
        completionHandler(tooBig ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = state.withLock { s -> Bool in
            guard !s.overSize else { return true }
            if s.body.count + data.count > maxBytes {
                s.overSize = true
                return true
            }
            s.body.append(contentsOf: data)
            return false
        }
        if over { dataTask.cancel() }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        let scheme = request.url?.scheme?.lowercased() ?? ""
        let follow = state.withLock { s -> Bool in
            s.redirects += 1
            if response.statusCode != 301 && response.statusCode != 308 { s.allPermanent = false }
            if s.redirects > maxRedirects {
                s.refusedRedirect = "too many redirects (more than \(maxRedirects))"
                return false
            }
            if scheme != "http" && scheme != "https" {
                s.refusedRedirect = "redirected to a \(scheme): address, which is not followed"
                return false
            }
            return true
        }
        completionHandler(follow ? request : nil)
        if !follow { task.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        state.withLock { if $0.error == nil { $0.error = error } }
        done.signal()
    }
}
