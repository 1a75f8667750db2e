#if canImport(Glibc)
    import Glibc
#endif

/// How the C allocator is set up for the process, before anything is allocated (issue 21).
enum MemoryPolicy {
    /// Blocks of this size and more are mapped on their own, and given back to the system when freed.
    static let mapThreshold: Int32 = 256 * 1024

    /// glibc raises its threshold to the largest mapped block freed so far (up to 32 MiB): after the
    /// reader's first big array was freed, the next ones (200,000 entries' worth each) came from the
    /// heap and stayed resident after use, beside what was built next. A fixed threshold keeps them
    /// mapped. Measured at 200,000 articles (the reader, 5 s after its background read): peak
    /// 147.9–149.6 MiB → 138.1 MiB, and 96.2 MiB resident once settled instead of 147.9
    /// (docs/PERFORMANCE.md). `mallopt` is looked up rather than declared: Swift's Glibc module does
    /// not bring `<malloc.h>`.
    static func apply() {
        #if canImport(Glibc)
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            // M_MMAP_THRESHOLD in <malloc.h>.
            let mmapThreshold: Int32 = -3
            guard let symbol = dlsym(nil, "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, mapThreshold)
        #endif
    }
}
