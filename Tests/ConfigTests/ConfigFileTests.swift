import ArticleKit
import Config
import Foundation
import GazetteTestSupport
import ReaderCore
import XCTest

/// The config file read into settings: the default file, rebindings, and every kind of mistake
/// reported with its line and column.
final class ConfigFileTests: XCTestCase {
    func read(_ text: String) -> ConfigResult { ConfigReader.read(text) }

    func testTheDefaultFileRoundTrips() {
        let result = read(DefaultConfig.text)
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.config, .standard)
        // Every action of every context is in it, with its default keys.
        for context in KeyContext.allCases {
            XCTAssertTrue(DefaultConfig.text.contains("[keys.\(context.name)]"), context.name)
            for entry in context.defaults {
                let keys = entry.keys.map { "\"\($0.description)\"" }.joined(separator: ", ")
                XCTAssertTrue(DefaultConfig.text.contains("\n\(entry.action.name) = [\(keys)]\n"), entry.action.name)
            }
        }
    }

    func testAnEmptyFileChangesNothing() {
        XCTAssertEqual(read("").config, .standard)
        XCTAssertEqual(read("# nothing\n\n").problems, [])
    }

    func testSettings() {
        let result = read(
            """
            plain = true
            mouse = false
            [reading]
            text_width = 66
            margin = 4
            outline_pane = false
            outline_pane_min_width = 150
            space_next_article = true
            """)
        XCTAssertEqual(result.problems, [])
        let options = result.config.options
        XCTAssertTrue(options.plain)
        XCTAssertFalse(result.config.mouse)
        XCTAssertEqual(options.layout, ReadingLayout(textWidth: 66, margin: 4, outlinePane: false, paneMinWidth: 150))
        XCTAssertTrue(options.spaceNextArticle)
    }

    /// A rebinding takes effect in each context, and the key it replaced no longer does that.
    func testRebindingInEveryContext() {
        let cases: [(KeyContext, Action, String, Key, Key)] = [
            (.article, .quit, "x", .character("x"), .character("q")),
            (.outline, .down, "C-t", .control("t"), .character("j")),
            (.list, .down, "Tab", .tab, .down),
            (.picker, .open, "o", .character("o"), .enter),
            // (PgUp pages the help back out of the box: Home is free there.)
            (.help, .up, "Home", .home, .character("k")),
            (.prompt, .cancel, "C-q", .control("q"), .escape),
        ]
        for (context, action, name, key, old) in cases {
            // The list's Tab was unread_only's: it moves with the rebinding, said once.
            let extra = context == .list ? "unread_only = [\"C-u\"]\n" : ""
            let result = read("[keys.\(context.name)]\n\(action.name) = [\"\(name)\"]\n" + extra)
            XCTAssertEqual(result.problems, [], "\(context)")
            let keys = result.config.options.keyMap
            XCTAssertEqual(keys.action(for: key, in: context), action, "\(context)")
            XCTAssertNil(keys.action(for: old, in: context), "\(context): \(old) left \(action)")
            XCTAssertEqual(keys.keys(for: action, in: context), [key])
        }
    }

    func testKeysDirectlyUnderKeysAreTheArticleView() {
        let keys = read("[keys]\nquit = [\"q\", \"Q\", \"C-c\", \"Ctrl-X\"]\n").config.options.keyMap
        XCTAssertEqual(keys.action(for: .control("x"), in: .article), .quit)
        XCTAssertEqual(
            keys.keys(for: .quit, in: .article), [.character("q"), .character("Q"), .control("c"), .control("x")])
    }

    func testKeyNamesAsTheHelpShowsThemAndTheUsualSpellings() throws {
        let pairs: [(String, Key)] = [
            ("C-c", .control("c")), ("Ctrl-C", .control("c")), ("^c", .control("c")), ("Enter", .enter),
            ("return", .enter), ("Space", .character(" ")), (" ", .character(" ")), ("Left", .left), ("←", .left),
            ("PgDn", .pageDown), ("PageDown", .pageDown), ("Esc", .escape), ("Shift-Tab", .backTab),
            ("Backspace", .backspace), ("Del", .delete), ("G", .character("G")), ("é", .character("é")),
        ]
        for (name, key) in pairs { XCTAssertEqual(try Key.named(name), key, name) }
        // What the help prints reads back as the same key.
        for context in KeyContext.allCases {
            for entry in context.defaults {
                for key in entry.keys { XCTAssertEqual(try Key.named(key.description), key, key.description) }
            }
        }
        for bad in ["", "Ctrl", "C-", "C-ab", "C-1", "C-h", "C-m", "Hyper-x", "xy", "\t", "\u{7}"] {
            XCTAssertThrowsError(try Key.named(bad), bad)
        }
    }

    func testDuplicatesAreReportedWithLineAndColumn() {
        let result = read(
            """
            [keys.article]
            search = ["x"]
            quit = ["q", "x"]
            help = ["n"]
            """)
        XCTAssertEqual(
            result.problems.map(\.description),
            [
                "3:14: x is bound to both search (line 2) and quit in [keys.article]; search keeps it",
                "4:9: n is next_match_or_follow_next's key out of the box, and now help's in [keys.article]: "
                    + "give next_match_or_follow_next its keys (next_match_or_follow_next = [...]) to say which",
            ])
        let keys = result.config.options.keyMap
        XCTAssertEqual(keys.action(for: .character("x"), in: .article), .search)
        XCTAssertEqual(keys.keys(for: .quit, in: .article), [.character("q")])
        XCTAssertEqual(keys.action(for: .character("n"), in: .article), .help)
        for context in KeyContext.allCases { XCTAssertTrue(keys.duplicates(in: context).isEmpty) }
    }

    /// The list's filter and the prompt read characters as text, the outline reads digits as a
    /// section number: a binding would take the key from the typing, so it is refused, said.
    func testKeysThatAreTypedCannotBeBound() {
        let result = read(
            """
            [keys.filter]
            down = ["j", "C-d"]
            [keys.prompt]
            cancel = ["Esc", "Space"]
            [keys.outline]
            open = ["Enter", "5"]
            """)
        XCTAssertEqual(
            result.problems.map(\.description),
            [
                "2:9: j cannot be bound in [keys.filter]: characters type into the article list's filter; "
                    + "use a named or Ctrl key (as \"Down\" or \"C-n\")",
                "4:18: Space cannot be bound in [keys.prompt]: characters are typed into the search prompt; "
                    + "use a named or Ctrl key (as \"Down\" or \"C-n\")",
                "6:18: 5 cannot be bound in [keys.outline]: digits pick a section by number in the outline; "
                    + "use a named or Ctrl key (as \"Down\" or \"C-n\")",
            ])
        let keys = result.config.options.keyMap
        XCTAssertNil(keys.action(for: .character("j"), in: .filter))
        XCTAssertEqual(keys.keys(for: .down, in: .filter), [.control("d")])
        // The list itself reads letters as keys (j, k, q): they can be bound there.
        XCTAssertEqual(read("[keys.list]\ndown = [\"x\"]\nclose = [\"Q\"]\n").problems, [])
        XCTAssertNil(keys.action(for: .character(" "), in: .prompt))
        XCTAssertNil(keys.action(for: .character("5"), in: .outline))
        // Letters stay bindable in the outline, as out of the box (j, k, t, q).
        XCTAssertEqual(read("[keys.outline]\nclose = [\"x\"]\n").problems, [])
        // Out of the box, no context binds a key it types.
        for context in KeyContext.allCases {
            for entry in context.defaults {
                for key in entry.keys { XCTAssertFalse(context.typesText(key), "\(context): \(key)") }
            }
        }
    }

    func testTheSameKeyInTwoContextsIsNoDuplicate() {
        let result = read("[keys.article]\nline_down = [\"x\"]\n[keys.outline]\ndown = [\"x\"]\n")
        XCTAssertEqual(result.problems, [])
    }

    func testQuitKeepsAKey() {
        let result = read("[keys.article]\nquit = []\n")
        XCTAssertEqual(result.problems.map(\.description), ["2:1: quit must keep a key; it keeps q Q Ctrl-C"])
        XCTAssertEqual(result.config.options.keyMap.command(for: .character("q")), .quit)
        // Every quit key given to other actions: q comes back to quit.
        let taken = read("[keys.article]\nquit = []\nhelp = [\"q\"]\nback = [\"Q\", \"C-c\"]\n")
        XCTAssertEqual(taken.config.options.keyMap.command(for: .character("q")), .quit)
        XCTAssertEqual(taken.config.options.keyMap.keys(for: .help, in: .article), [])
    }

    func testUnknownNamesAreReportedWithLineAndColumn() {
        let result = read(
            """
            colour = true
            [reading]
              text_widht = 70
            [keys.article]
            jump = ["z"]
            quit = ["q", "Hyper-q", 3]
            [keys.outlin]
            down = ["j"]
            [theme]
            name = "solarized"
            headng = { fg = "red" }
            link = { fg = "pink", blink = true }
            """)
        let lines = result.problems.map(\.description)
        XCTAssertEqual(lines.count, 10, lines.joined(separator: "\n"))
        XCTAssertTrue(lines[0].hasPrefix("1:1: unknown setting \"colour\" in the top level"), lines[0])
        XCTAssertTrue(
            lines[1].hasPrefix("3:3: unknown setting \"text_widht\" in [reading]; did you mean \"text_width\"?"))
        XCTAssertTrue(lines[2].hasPrefix("5:1: unknown action \"jump\" in [keys.article]"), lines[2])
        XCTAssertTrue(lines[3].hasPrefix("6:14: \"Hyper-q\" is not a key name"), lines[3])
        XCTAssertTrue(lines[4].hasPrefix("6:25: a key name is a string"), lines[4])
        XCTAssertTrue(
            lines[5].hasPrefix("7:1: unknown context \"outlin\" in [keys]; did you mean \"outline\"?"), lines[5])
        XCTAssertTrue(lines[6].hasPrefix("10:1: there is no theme \"solarized\""), lines[6])
        XCTAssertTrue(lines[7].hasPrefix("11:1: unknown setting \"headng\" in [theme]; did you mean \"heading\"?"))
        XCTAssertTrue(lines[8].hasPrefix("12:10: \"pink\" is not a colour"), lines[8])
        XCTAssertTrue(lines[9].hasPrefix("12:23: unknown setting \"blink\" in [theme.link]"), lines[9])
        // What was right still applies: quit keeps q.
        XCTAssertEqual(result.config.options.keyMap.keys(for: .quit, in: .article), [.character("q")])
    }

    func testWrongTypesAndRanges() {
        let result = read("plain = \"yes\"\n[reading]\ntext_width = 5\nmargin = 1.5\n")
        XCTAssertEqual(
            result.problems.map(\.description),
            [
                "1:1: plain must be true or false, not a string",
                "3:1: reading.text_width must be from 20 to 1000, not 5",
                "4:1: reading.margin must be a whole number, not a decimal number",
            ])
        XCTAssertEqual(result.config.options.layout, .standard)
    }

    func testASyntaxErrorGivesItsPositionAndTheDefaults() {
        let result = read("plain = true\n[keys.article]\nquit = [\"q\",\n\"x\"\nhelp = [\"?\"]\n")
        XCTAssertEqual(result.problems.count, 1)
        XCTAssertEqual(result.problems[0].line, 5)
        XCTAssertEqual(result.config, .standard)
        XCTAssertEqual(result.problems[0].line(file: "c.toml").prefix(9), "c.toml:5:")
    }

    func testThemes() {
        for name in Theme.names {
            let result = read("[theme]\nname = \"\(name)\"\n")
            XCTAssertEqual(result.problems, [], name)
            XCTAssertEqual(result.config.theme.name, name)
        }
        let mono = read("[theme]\nname = \"mono\"\n").config.theme
        XCTAssertTrue(ColorRole.allCases.allSatisfy { mono.resolve(Style(role: $0)).pair == nil })
        let custom = read("[theme]\nname = \"dark\"\n[theme.heading]\nfg = \"magenta\"\nunderline = true\n").config
            .theme
        let heading = custom.resolve(.heading)
        XCTAssertEqual(heading.fg, .basic(5))
        XCTAssertTrue(heading.underline && heading.bold)
        XCTAssertEqual(custom.resolve(.match), Theme.dark.resolve(.match))
        XCTAssertEqual(read("[theme.link]\nfg = 208\n").config.theme.resolve(.link).fg, .index(208))
    }

    func testAThemeThatHidesMeaningWithoutColourLosesItsAttributes() {
        let result = read("[theme.match]\nreverse = false\nbg = \"yellow\"\n")
        XCTAssertEqual(result.problems.count, 1)
        XCTAssertTrue(result.problems[0].description.hasPrefix("1:1: body and match would look the same"))
        XCTAssertTrue(result.config.theme.resolve(.match).reverse)
        XCTAssertEqual(result.config.theme.resolve(.match).bg, .basic(3))
        XCTAssertEqual(result.config.theme.indistinguishable().count, 0)
    }

    func testTheKeyTableShowsTheEffectiveBindings() {
        let keys = read("[keys.article]\nquit = [\"x\"]\n[keys.help]\ndown = []\n").config.options.keyMap
        let table = DefaultConfig.keyTable(keys)
        XCTAssertTrue(table.contains("[keys.article]"))
        XCTAssertTrue(table.range(of: #"\n  quit +x +quit\n"#, options: .regularExpression) != nil, table)
        XCTAssertTrue(table.range(of: #"\n  down +\(no key\) +scroll down\n"#, options: .regularExpression) != nil)
    }

    func testWhereTheFileIs() {
        let env = ["HOME": "/home/a", "XDG_CONFIG_HOME": "/x", "GAZETTE_CONFIG": "/g.toml"]
        XCTAssertEqual(ConfigLoader.location(explicit: "/c.toml", environment: env)?.path, "/c.toml")
        XCTAssertEqual(ConfigLoader.location(explicit: nil, environment: env)?.path, "/g.toml")
        XCTAssertEqual(
            ConfigLoader.location(explicit: nil, environment: ["HOME": "/home/a", "XDG_CONFIG_HOME": "/x"])?.path,
            "/x/gazette/config.toml")
        let home = ConfigLoader.location(explicit: nil, environment: ["HOME": "/home/a", "XDG_CONFIG_HOME": "rel"])
        XCTAssertEqual(home?.path, "/home/a/.config/gazette/config.toml")
        XCTAssertEqual(home?.named, false)
        XCTAssertNil(ConfigLoader.location(explicit: nil, environment: [:]))
    }

    func testFilesThatCannotBeRead() throws {
        let folder = try TemporaryFolder("config")
        defer { folder.remove() }
        let missing = ConfigLoader.load(path: folder.path("none.toml"), mustExist: true)
        XCTAssertEqual(missing.config, .standard)
        XCTAssertTrue(missing.problems[0].hasSuffix("no such config file; using the defaults"))
        XCTAssertEqual(ConfigLoader.load(path: folder.path("none"), mustExist: false).problems, [])
        let binary = folder.write("bin.toml", [0xFF, 0xFE, 0x00, 0x41])
        XCTAssertTrue(ConfigLoader.load(path: binary, mustExist: true).problems[0].contains("not UTF-8"))
        XCTAssertTrue(ConfigLoader.load(path: folder.path, mustExist: true).problems[0].contains("is a folder"))
        let good = folder.write("ok.toml", Array("[keys]\nquit = [\"x\"]\nhelp = [\"zz\"]\n".utf8))
        let loaded = ConfigLoader.load(path: good, mustExist: true)
        XCTAssertEqual(loaded.problems.count, 1)
        XCTAssertTrue(loaded.problems[0].hasPrefix(good + ":3:9: \"zz\" is not a key name"), loaded.problems[0])
        XCTAssertEqual(loaded.config.options.keyMap.command(for: .character("x")), .quit)
    }
}

/// The README's example config is a file that checks clean.
final class ReadmeConfigTests: XCTestCase {
    func testTheReadmeExampleHasNoProblems() throws {
        let text = try projectFile("README.md")
        let section = try XCTUnwrap(text.range(of: "## The config file"))
        let start = try XCTUnwrap(text.range(of: "```toml\n", range: section.upperBound..<text.endIndex))
        let end = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let result = ConfigReader.read(String(text[start.upperBound..<end.lowerBound]))
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.config.options.layout.textWidth, 72)
        XCTAssertEqual(result.config.theme.name, "dark")
        XCTAssertNotEqual(result.config, .standard)
    }

    /// The README lists every `[reading]` setting with its default and summary, from the one table.
    func testTheReadmeListsEveryReadingSetting() throws {
        let text = try projectFile("README.md")
        for setting in ReadingSetting.all {
            let row = "| `\(setting.name)` | \(setting.text(in: .standard)) | \(setting.summary) |"
            XCTAssertTrue(text.contains(row), "README lacks: \(row)")
        }
    }

    /// Issue 20: the example showed changed settings as if they were the defaults. Each setting line
    /// says its default, and what it says is what `gazette config --default` writes.
    func testTheReadmeExampleSaysEachSettingsRealDefault() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try XCTUnwrap(text.range(of: "## The config file"))
        let start = try XCTUnwrap(text.range(of: "```toml\n", range: section.upperBound..<text.endIndex))
        let end = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex))
        XCTAssertTrue(text[section.upperBound..<start.lowerBound].contains("**changes**"))
        // The defaults: "table.key" → value, from the default file.
        var defaults: [String: String] = [:]
        var table = ""
        for line in DefaultConfig.text.split(separator: "\n") where !line.hasPrefix("#") {
            if line.hasPrefix("[") { table = String(line.dropFirst().dropLast()) + "."; continue }
            guard let eq = line.range(of: " = ") else { continue }
            defaults[table + line[..<eq.lowerBound]] = String(line[eq.upperBound...])
        }
        table = ""
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") {
            if line.hasPrefix("[") { table = String(line.dropFirst().dropLast()) + "."; continue }
            guard let eq = line.range(of: " = "), let hash = line.range(of: "# ") else { continue }
            let name = table + line[..<eq.lowerBound]
            let value = line[eq.upperBound..<hash.lowerBound].trimmingCharacters(in: .whitespaces)
            let comment = line[hash.upperBound...]
            guard let real = defaults[name] else { continue }  // a theme role: no line in the default file
            if value == real {
                XCTAssertTrue(comment.contains("the default"), "\(name) is the default; the line should say so")
            } else if !name.hasPrefix("keys.") {
                XCTAssertTrue(comment.contains("(default \(real))"), "\(name): says \(comment), default is \(real)")
            } else {
                XCTAssertTrue(comment.contains("(default "), "\(name) changes keys; the line should say their default")
            }
        }
    }

    /// What the file says is untrusted: an escape in a key or a value never reaches the terminal in
    /// a problem's line, and an invisible character is no key name.
    func testProblemLinesCarryNoControlsAndInvisibleKeysAreRefused() {
        // TOML's own escapes: the file is valid, its names are not.
        let escape = ConfigReader.read("\"\\u001b]0;PWNED\\u0007\\u001b[2J\" = 1\n[keys]\nquit = [\"\\u202e\"]\n")
        XCTAssertGreaterThanOrEqual(escape.problems.count, 2, "\(escape.problems)")
        for problem in escape.problems {
            let line = problem.line(file: "cfg\u{1B}[31m.toml")
            XCTAssertFalse(line.unicodeScalars.contains { TextSanitizer.needsChange($0) }, line.debugDescription)
        }
        XCTAssertTrue(
            escape.problems.contains { $0.message.contains("invisible character") }, "\(escape.problems)")
    }

    /// Two overrides whose fix makes a new clash: the check runs until no meaning rests on colour.
    func testAThemeOverrideIsCheckedUntilNoMeaningRestsOnColour() {
        let result = ConfigReader.read(
            "[theme]\nmatch = { reverse = false, bold = true }\nselection = { bold = false }\n")
        XCTAssertFalse(result.problems.isEmpty)
        let pairs = result.config.theme.indistinguishable()
        XCTAssertTrue(pairs.isEmpty, "\(pairs)")
    }

    /// Every context keeps its way out, as the article view keeps quit.
    func testEveryContextKeepsAWayOut() {
        let result = ConfigReader.read(
            "[keys.results]\nclose = []\n[keys.outline]\nclose = []\n[keys.prompt]\ncancel = []\n")
        XCTAssertEqual(result.problems.count, 3, "\(result.problems)")
        let keys = result.config.options.keyMap
        XCTAssertFalse(keys.keys(for: .close, in: .results).isEmpty)
        XCTAssertFalse(keys.keys(for: .close, in: .outline).isEmpty)
        XCTAssertFalse(keys.keys(for: .cancel, in: .prompt).isEmpty)
    }
}
