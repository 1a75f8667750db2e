import GRDB

/// The index's tables. It is a cache: a database of another version is not migrated but
/// dropped and built again (`version` below), which costs one full index and never a wrong answer.
enum IndexSchema {
    /// Bumped whenever the tables, the tokenizer or what `IndexText` makes of text change.
    static let version = 4

    /// `IndexText` has made the text its words with one space between each, so the tokenizer
    /// only splits at spaces: `ascii` (ASCII letters and digits and every non-ASCII byte are word
    /// bytes; everything it would fold is folded already). Half the insert work of `unicode61`
    /// with word categories, measured on the same text (docs/SEARCH.md), and no second
    /// definition of a word to keep in step with `IndexText.isWordScalar`.
    static let tokenizer = "ascii"

    static func create(_ db: Database) throws {
        try db.execute(
            sql: """
                -- One row per article file seen, indexed or skipped. `path` is canonical; size, mtime
                -- (ns) and inode tell whether the file changed since; `skipped` is why it could not
                -- be indexed (so an unchanged bad file is not read again).
                CREATE TABLE file (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    size INTEGER NOT NULL,
                    mtime INTEGER NOT NULL,
                    inode INTEGER NOT NULL,
                    title TEXT NOT NULL DEFAULT '',
                    skipped TEXT,
                    -- The catalogue (schema 4): what a collection needs without opening the file, valid
                    -- while size, mtime and inode match. `catalogued` 0: not kept (a streamed big file).
                    catalogued INTEGER NOT NULL DEFAULT 0,
                    format TEXT NOT NULL DEFAULT 'text',
                    prev TEXT,
                    next TEXT,
                    url TEXT,
                    prev_url TEXT,
                    next_url TEXT,
                    -- 0: catalogued from its edges by a command that opened the folder; its words are
                    -- not in yet (the next update reads it).
                    indexed INTEGER NOT NULL DEFAULT 1
                );
                -- Every folder the last full walk of a named folder listed, with its mtime then: a
                -- query lists again only folders whose mtime moved (docs/SEARCH.md, "Freshness").
                CREATE TABLE folder (path TEXT PRIMARY KEY, mtime INTEGER NOT NULL) WITHOUT ROWID;
                -- The named folders walked whole (to a depth, for some extensions): the folder rows
                -- under them are complete.
                CREATE TABLE walk (
                    root TEXT NOT NULL, depth INTEGER NOT NULL, ext TEXT NOT NULL, PRIMARY KEY (root, depth, ext)
                ) WITHOUT ROWID;
                -- One row per section of an indexed article; its id is the rowid of its text row.
                -- AUTOINCREMENT: an id is never given out again, or the words left behind by a
                -- changed file (see below) would be read as the new row's.
                CREATE TABLE section (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    file INTEGER NOT NULL,
                    number INTEGER NOT NULL,
                    heading TEXT
                );
                CREATE INDEX section_file ON section(file);
                -- The words only: contentless, the text stays in the files. Rows of a changed or
                -- removed file cannot be taken out of a contentless table without their text, so
                -- they stay, unreachable once their section row is gone, and are counted in
                -- meta.dead until a rebuild clears them.
                CREATE VIRTUAL TABLE text USING fts5(
                    title, heading, body, content = '', tokenize = "\(tokenizer)"
                );
                -- Merge segments in bigger steps while a folder is first indexed: a fifth less insert
                -- work for a little more space (measured: docs/SEARCH.md).
                INSERT INTO text (text, rank) VALUES ('automerge', 16);
                INSERT INTO text (text, rank) VALUES ('crisismerge', 64);
                -- Words held in memory before FTS5 writes them as a segment (default 1 MiB): a
                -- batch's words then go out once, at its commit, not a segment every megabyte.
                INSERT INTO text (text, rank) VALUES ('hashsize', 16777216);
                CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
                INSERT INTO meta VALUES ('version', \(version)), ('dead', 0);
                """)
    }

    static func drop(_ db: Database) throws {
        for table in ["text", "section", "file", "meta", "folder", "walk"] {
            try db.execute(sql: "DROP TABLE IF EXISTS \(table)")
        }
    }
}
