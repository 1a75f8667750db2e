// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way, toward ArticleKit: gazette → TerminalBackend → ReaderLoop → ReaderCore →
// ArticleKit, gazette → StateStore → ReaderLoop, gazette → Config → ReaderCore (and TOMLKit),
// gazette → SearchIndex → ArticleKit, StateStore and SearchIndex → SQLiteFiles → ArticleKit,
// gazette → Fetcher → ArticleKit, and
// gazette → Reports → ArticleKit. gazette-dev (development tools) sits beside gazette, on the same
// libraries; nothing depends on either executable. docs/ARCHITECTURE.md says why each target is one.
let package = Package(
    name: "Gazette",
    products: [
        .executable(name: "gazette", targets: ["gazette"]),
        .library(name: "ArticleKit", targets: ["ArticleKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The C shim over wide-character ncurses. Only what Swift cannot import lives there.
        .systemLibrary(
            name: "CNcurses",
            path: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // libxml2's HTML parser, for saved web pages.
        .systemLibrary(
            name: "CLibXML2",
            path: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // cmark, the CommonMark reference parser, for Markdown notes.
        .systemLibrary(
            name: "CCmark",
            path: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The article model, the formats (plain text, HTML, Markdown) behind one seam, the collection:
        // no terminal.
        .target(name: "ArticleKit", dependencies: ["CLibXML2", "CCmark"]),
        // What the scripting commands print (toc, chain, check): text and JSON Lines.
        .target(name: "Reports", dependencies: ["ArticleKit"]),
        // Articles written for the project, opened when no path is given.
        .target(name: "BuiltInArticles"),
        // Reader state, key map, layout and the screen model: no terminal, no threads of its own, no
        // file reading (it holds the collection; the loop reads the articles it asks for).
        .target(name: "ReaderCore", dependencies: ["ArticleKit"]),
        // The run loop: carries out the state's effects (reading, indexing, the file watch) behind any
        // backend; dump's streaming reader.
        .target(name: "ReaderLoop", dependencies: ["ReaderCore", "ArticleKit"]),
        // How the SQLite files (reading state, search index) are opened: WAL, one busy timeout, one damage
        // check, what is done with a damaged file.
        .target(
            name: "SQLiteFiles", dependencies: ["ArticleKit", .product(name: "GRDB", package: "GRDB.swift")]),
        // Reading state that survives a restart (positions, read marks, marks, history): the only
        // code that talks to SQLite. The core emits effects; this carries them out off the key path,
        // through the run loop's state hooks.
        .target(
            name: "StateStore",
            dependencies: [
                "ReaderCore", "ReaderLoop", "ArticleKit", "SQLiteFiles", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // The config file: TOML read into the reader's options and theme, every problem with its
        // line and column. The only code that knows TOML.
        .target(
            name: "Config", dependencies: ["ReaderCore", "ArticleKit", .product(name: "TOMLKit", package: "TOMLKit")]),
        // Feeds fetched into the archive: the HTTP client (FoundationNetworking's URLSession), the
        // feeds file, the per-feed state and the atomic writes of each item's article.
        .target(name: "Fetcher", dependencies: ["ArticleKit"]),
        // The full-text index of every article (SQLite FTS5): built and updated from the files,
        // queried by the search command and, through the run loop's hooks, by the reader.
        .target(
            name: "SearchIndex",
            dependencies: ["ArticleKit", "SQLiteFiles", .product(name: "GRDB", package: "GRDB.swift")]),
        // The only code that talks to ncurses.
        .target(name: "TerminalBackend", dependencies: ["ReaderLoop", "ReaderCore", "CNcurses"]),
        .executableTarget(
            name: "gazette",
            dependencies: [
                "ArticleKit", "Reports", "ReaderCore", "ReaderLoop", "TerminalBackend", "BuiltInArticles",
                "StateStore", "SearchIndex", "Config", "Fetcher",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Development tools, never installed: the benchmarks' timers, the kill test's soak, the
        // heading detector's feature dump and the end-to-end test's crash. Out of `gazette` so the
        // shipped binary has no hidden commands or test hooks.
        .executableTarget(
            name: "gazette-dev",
            dependencies: [
                "ArticleKit", "Reports", "ReaderCore", "ReaderLoop", "TerminalBackend", "StateStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/GazetteDevTools"
        ),
        // What the tests share: the one builder of article files, the temporary folder, the
        // seeded generator, the hostile text, the headless backend and the manual worker. A regular target (test targets cannot depend on each other), used
        // only by the test targets.
        .target(
            name: "GazetteTestSupport", dependencies: ["ArticleKit", "ReaderCore", "ReaderLoop"],
            path: "Tests/GazetteTestSupport"),
        .testTarget(
            name: "ArticleKitTests",
            dependencies: ["ArticleKit", "Reports", "ReaderCore", "BuiltInArticles", "GazetteTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ReaderCoreTests",
            dependencies: ["ReaderCore", "ReaderLoop", "ArticleKit", "BuiltInArticles", "GazetteTestSupport"]
        ),
        .testTarget(
            name: "ConfigTests",
            dependencies: ["Config", "ReaderCore", "ReaderLoop", "ArticleKit", "GazetteTestSupport"]
        ),
        .testTarget(
            name: "SearchIndexTests",
            dependencies: ["SearchIndex", "ArticleKit", "ReaderCore", "GazetteTestSupport"]
        ),
        .testTarget(name: "TerminalBackendTests", dependencies: ["TerminalBackend", "ReaderCore", "CNcurses"]),
        .testTarget(
            name: "FetcherTests",
            dependencies: ["Fetcher", "ArticleKit", "GazetteTestSupport"]
        ),
        .testTarget(
            name: "StateStoreTests",
            dependencies: ["StateStore", "ReaderCore", "ReaderLoop", "ArticleKit", "GazetteTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
