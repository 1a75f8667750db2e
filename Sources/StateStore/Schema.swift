import GRDB

/// The versioned schema. A migration, once released, is never edited: a new version
/// adds one. A database that has migrations this list does not know was written by a
/// newer Gazette and is left alone.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    -- One row per article file ever opened. `path` is the canonical path (the reader's
                    -- ArticleID); `fingerprint` the hash of its text, which finds the row again after a
                    -- move or rename, and keys export and import.
                    CREATE TABLE article (
                        id INTEGER PRIMARY KEY,
                        path TEXT NOT NULL UNIQUE,
                        folder TEXT NOT NULL,
                        fingerprint TEXT,
                        title TEXT NOT NULL DEFAULT '',
                        read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
                        read_changed REAL,
                        progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
                        opened REAL
                    );
                    CREATE INDEX article_fingerprint ON article(fingerprint);
                    CREATE INDEX article_folder_opened ON article(folder, opened);
                    CREATE INDEX article_opened ON article(opened);

                    -- Where the top of the screen was: a place in the text, never a screen line.
                    CREATE TABLE position (
                        article INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                        block INTEGER NOT NULL,
                        offset INTEGER NOT NULL,
                        heading TEXT,
                        snippet TEXT NOT NULL,
                        saved REAL NOT NULL
                    );

                    -- m + letter. Lower-case letters are per article; an upper-case one is in one article only.
                    CREATE TABLE mark (
                        article INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                        letter TEXT NOT NULL,
                        block INTEGER NOT NULL,
                        offset INTEGER NOT NULL,
                        heading TEXT,
                        snippet TEXT NOT NULL,
                        title TEXT NOT NULL,
                        created REAL NOT NULL,
                        PRIMARY KEY (article, letter)
                    );

                    -- The back and forward history of the last sitting on a folder (or set of paths).
                    CREATE TABLE history (
                        scope TEXT NOT NULL,
                        direction TEXT NOT NULL CHECK (direction IN ('back', 'forward')),
                        seq INTEGER NOT NULL,
                        article INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                        block INTEGER NOT NULL,
                        offset INTEGER NOT NULL,
                        heading TEXT,
                        snippet TEXT NOT NULL,
                        PRIMARY KEY (scope, direction, seq)
                    );
                    """)
        }
        return migrator
    }
}
