import Foundation
import GazetteTestSupport
import XCTest

@testable import ArticleKit

/// Markdown notes (docs/MARKDOWN.md): real-looking notes in several languages, the cases of the
/// brief one by one, hostile input, and the way through the seam into a collection.
final class MarkdownFormatTests: XCTestCase {

    func read(_ text: String, source: String = "note.md", file: StaticString = #filePath, line: UInt = #line) throws
        -> Article
    {
        try MarkdownFormat().parse(Array(text.utf8), source: source)
    }

    /// Every block of the article as "kind: text", headings as "## heading" by level.
    func outline(_ a: Article) -> [String] { articleOutline(a) }

    func assertClean(_ a: Article, file: StaticString = #filePath, line: UInt = #line) {
        var texts = [a.title] + [a.previousTitle, a.nextTitle].compactMap { $0 }
        for s in a.sections {
            texts += [s.heading].compactMap { $0 }
            for (i, p) in s.paragraphs.enumerated() {
                texts += s.kind(i) == .code ? p.split(separator: "\n").map(String.init) : [p]
            }
        }
        for t in texts where t.unicodeScalars.contains(where: TextSanitizer.needsChange) {
            XCTFail("not sanitised: \(t.debugDescription.prefix(120))", file: file, line: line)
        }
    }

    // MARK: real-looking notes

    static let german = """
        ---
        title: "Hafenkräne: Streik legt Umschlag lahm"
        author: Jana Köhler
        date: 2024-03-18
        url: https://example.de/hafen/streik
        tags:
          - hafen
          - arbeit
        ---

        Die Beschäftigten im **Hamburger Hafen** haben am Montag die Arbeit
        niedergelegt. Nach Angaben der [Gewerkschaft](https://example.de/verdi) beteiligten
        sich *rund 4.000* Menschen.

        ## Was gefordert wird

        Die Gewerkschaft verlangt:

        - mehr Lohn
        - einen Inflationsausgleich
          - für alle Schichten
          - rückwirkend ab Januar
        - kürzere Schichten

        > Wir lassen uns nicht länger hinhalten,
        > sagte eine Sprecherin.

        ### Die Lage an den Terminals

        Container stauen sich; `CTA` und `CTT` melden Verzögerungen.

        Konfiguration der Statistik
        ---------------------------

        ```sh
        # Umschlag pro Tag zählen
        awk '{ n += $3 } END { print n }' umschlag.log
        ## keine Überschrift
        ```

        ![Kräne im Nebel](kraene.jpg)
        """

    func testGermanNoteWithFrontMatter() throws {
        let a = try read(Self.german, source: "notes/hafen.md")
        XCTAssertEqual(a.title, "Hafenkräne: Streik legt Umschlag lahm")
        XCTAssertEqual(a.meta.format, .markdown)
        XCTAssertEqual(a.meta.author, "Jana Köhler")
        XCTAssertEqual(a.meta.date, "2024-03-18")
        XCTAssertEqual(a.meta.url, "https://example.de/hafen/streik")
        XCTAssertEqual(
            outline(a),
            [
                "text: Die Beschäftigten im Hamburger Hafen haben am Montag die Arbeit niedergelegt. Nach Angaben der Gewerkschaft beteiligten sich rund 4.000 Menschen.",
                "# Was gefordert wird",
                "text: Die Gewerkschaft verlangt:",
                "list-item: • mehr Lohn",
                "list-item: • einen Inflationsausgleich",
                "list-item:   • für alle Schichten",
                "list-item:   • rückwirkend ab Januar",
                "list-item: • kürzere Schichten",
                "quote: Wir lassen uns nicht länger hinhalten, sagte eine Sprecherin.",
                "## Die Lage an den Terminals",
                "text: Container stauen sich; CTA und CTT melden Verzögerungen.",
                "# Konfiguration der Statistik",
                "code: # Umschlag pro Tag zählen\nawk '{ n += $3 } END { print n }' umschlag.log\n## keine Überschrift",
                "text: [Kräne im Nebel]",
            ])
        XCTAssertEqual(a.warnings, [])
        XCTAssertNil(a.previousTitle)
        XCTAssertNil(a.nextTitle)
        // The front matter is never text.
        XCTAssertFalse(outline(a).contains { $0.contains("tags") || $0.contains("author") || $0.contains("hafen\n") })
    }

    static let japanese = """
        # 東京の桜、観測史上最も早い開花

        気象庁は十四日、東京都心で桜が開花したと発表した。
        平年より十日早い。

        観測の方法
        ==========

        靖国神社の標本木を職員が目で確かめる。

        3. 標本木を選ぶ
        4. 五、六輪が咲いたら開花
           1. 雨の日も確かめる

        記録用のスクリプト:

            # インデントされたコード
            print("開花")

        各地の予想
        ----------

        大阪は十八日、*仙台*は四月上旬の見込み。
        """

    func testJapaneseNoteWithSetextHeadingsAndIndentedCode() throws {
        let a = try read(Self.japanese, source: "sakura.md")
        XCTAssertEqual(a.title, "東京の桜、観測史上最も早い開花")
        XCTAssertEqual(
            outline(a),
            [
                "text: 気象庁は十四日、東京都心で桜が開花したと発表した。 平年より十日早い。",
                "# 観測の方法",
                "text: 靖国神社の標本木を職員が目で確かめる。",
                "list-item: 3. 標本木を選ぶ",
                "list-item: 4. 五、六輪が咲いたら開花",
                "list-item:   1. 雨の日も確かめる",
                "text: 記録用のスクリプト:",
                "code: # インデントされたコード\nprint(\"開花\")",
                "## 各地の予想",
                "text: 大阪は十八日、仙台は四月上旬の見込み。",
            ])
        // Setext `===` is level 1 and `---` level 2 in Markdown; the highest present is the section level.
        XCTAssertEqual(a.sections.map(\.level), [1, 1, 2])
    }

    static let arabic = """
        ---
        title: 'افتتاح مكتبة الإسكندرية الرقمية'
        author: "سارة \\"المصري\\""
        ---

        # افتتاح مكتبة الإسكندرية الرقمية

        افتتحت **مكتبة الإسكندرية** اليوم قسمها الرقمي الجديد\u{202E} بحضور وزير الثقافة.

        ## المجموعات

        > «المعرفة حق للجميع»
        >
        > > قال المدير في كلمته.

        -

        PREV معرض الكتاب يفتح أبوابه
        NEXT جائزة الرواية العربية
        """

    func testArabicNoteWithFrontMatterTitleAndTrailer() throws {
        let a = try read(Self.arabic, source: "maktaba.md")
        XCTAssertEqual(a.title, "افتتاح مكتبة الإسكندرية الرقمية")
        XCTAssertEqual(a.meta.author, "سارة \"المصري\"")
        // The `#` heading repeats the front matter's title: shown once, as the title; the rest are sections.
        XCTAssertEqual(a.headings, ["المجموعات"])
        XCTAssertEqual(a.sections.map(\.level), [1, 1])
        XCTAssertEqual(
            outline(a),
            [
                "text: افتتحت مكتبة الإسكندرية اليوم قسمها الرقمي الجديد بحضور وزير الثقافة.",
                "# المجموعات",
                "quote: «المعرفة حق للجميع»",
                "quote: قال المدير في كلمته.",
            ])
        XCTAssertEqual(a.previousTitle, "معرض الكتاب يفتح أبوابه")
        XCTAssertEqual(a.nextTitle, "جائزة الرواية العربية")
        XCTAssertEqual(a.warnings, ["1 bidirectional override character(s) removed"])
        assertClean(a)
    }

    static let russian = """
        Заметки с заседания городской думы, записанные наспех.\\
        Вторая строка после жёсткого переноса.

        ## Бюджет

        Депутаты обсудили <em>проект</em> бюджета<br>на следующий год.

        <div class="note">
        <p>Важно: голосование &laquo;перенесено&raquo;.</p>
        <script>alert("x")</script>
        </div>

        <script>
        document.write("никогда не показывать")
        </script>

        <style>body { color: red }</style>

        <!-- комментарий автора -->

        ### Транспорт

        1) Новые автобусы
        2) Ремонт моста

        | Статья | Сумма |
        |--------|-------|
        | Школы  | 12    |

        ***
        """

    func testRussianNoteWithoutTitleTakesTheFileName() throws {
        let a = try read(Self.russian, source: "/home/me/заметки/дума-2024.03.md")
        XCTAssertEqual(a.title, "дума-2024.03")
        XCTAssertTrue(a.warnings.contains("the note has no title; its file name stands for it"))
        XCTAssertEqual(
            outline(a),
            [
                "text: Заметки с заседания городской думы, записанные наспех.",
                "text: Вторая строка после жёсткого переноса.",
                "# Бюджет",
                "text: Депутаты обсудили проект бюджета",
                "text: на следующий год.",
                "text: Важно: голосование «перенесено».",
                "## Транспорт",
                "list-item: 1. Новые автобусы",
                "list-item: 2. Ремонт моста",
                // A GFM table is not CommonMark: its lines read as one paragraph.
                "text: | Статья | Сумма | |--------|-------| | Школы | 12 |",
            ])
        for line in outline(a) {
            XCTAssertFalse(line.contains("<"), line)
            XCTAssertFalse(line.contains("никогда"), line)
            XCTAssertFalse(line.contains("color"), line)
            XCTAssertFalse(line.contains("комментарий"), line)
        }
    }

    // MARK: headings and titles

    func testATitleGivenTwiceIsShownOnce() throws {
        let a = try read(
            "---\ntitle: Hafennotizen\n---\n\n# Hafennotizen\n\nDie Kräne standen still.\n\n## Tag zwei\n\nImmer noch.\n"
        )
        XCTAssertEqual(a.title, "Hafennotizen")
        XCTAssertEqual(a.sections.compactMap(\.heading), ["Tag zwei"])
        XCTAssertEqual(a.sections.first?.paragraphs, ["Die Kräne standen still."])
    }

    func testHashInsideFencedAndIndentedCodeIsNoHeading() throws {
        let a = try read(
            """
            # Title

            ~~~python
            # not a heading
            x = 1
            ~~~

                # not one either

            ````
            ```
            # still code
            ```
            ````
            """)
        XCTAssertEqual(a.title, "Title")
        XCTAssertEqual(a.headings, [])
        XCTAssertEqual(
            outline(a),
            ["code: # not a heading\nx = 1", "code: # not one either", "code: ```\n# still code\n```"])
    }

    func testFirstHashHeadingIsTheTitleAndDeeperLevelsFollow() throws {
        let a = try read(
            """
            Intro before the title.

            ### Deep

            # The Title

            #### Deeper

            # Another top heading
            """)
        XCTAssertEqual(a.title, "The Title")
        XCTAssertEqual(a.headings, ["Deep", "Deeper", "Another top heading"])
        // Levels present in the body: 1 (the second `#`), 3, 4 → 1, 3, 4.
        XCTAssertEqual(a.sections.map(\.level), [1, 3, 4, 1])
        XCTAssertEqual(a.sections[0].paragraphs, ["Intro before the title."])
    }

    func testOnlyDeepHeadingsStartAtLevelOne() throws {
        let a = try read("# T\n\n### A\n\ntext\n\n#### B\n\nmore\n\n### C\n")
        XCTAssertEqual(a.headings, ["A", "B", "C"])
        XCTAssertEqual(a.sections.map(\.level), [1, 2, 1])
    }

    func testHeadingsInsideQuotesAndListsAreTheirText() throws {
        let a = try read("# T\n\n> ## quoted heading\n\n- ## listed heading\n")
        XCTAssertEqual(a.headings, [])
        XCTAssertEqual(outline(a), ["quote: quoted heading", "list-item: • listed heading"])
    }

    func testLongTitleIsCut() throws {
        let a = try read("# " + String(repeating: "x", count: 400) + "\n\nbody\n")
        XCTAssertEqual(a.title.unicodeScalars.count, ArticleParser.maxTitleScalars + 1)
        XCTAssertTrue(a.title.hasSuffix("…"))
    }

    // MARK: inline text and blocks

    func testInlineMarkupIsDropped() throws {
        let a = try read(
            """
            # T

            A *b* **c** ***d*** [link `code`](http://x "t") <https://auto.example> ![](i.png) ![alt *x*](j.png)
            text&amp;more &copy; \\*escaped\\* a  \t b
            """)
        XCTAssertEqual(
            a.sections[0].paragraphs,
            ["A b c d link code https://auto.example [alt x] text&more © *escaped* a b"])
    }

    func testHardBreaksInListItemsStayInTheItem() throws {
        let a = try read("# T\n\n- first  \n  second\n- third\n\n  more of third\n")
        XCTAssertEqual(
            outline(a),
            ["list-item: • first", "list-item:   second", "list-item: • third", "list-item:   more of third"])
    }

    func testCodeBlockLinesAreKeptExactly() throws {
        let a = try read("# T\n\n```\n  indented  \n\n\tx\n\n```\n")
        XCTAssertEqual(a.sections[0].paragraphs, ["  indented  \n\n    x\n"])
        XCTAssertEqual(a.sections[0].kinds, [.code])
        let empty = try read("# T\n\n```\n```\n\ntext\n")
        XCTAssertEqual(outline(empty), ["text: text"])
    }

    func testCRLFAndLoneCRLineEnds() throws {
        let crlf = try read(
            "---\r\ntitle: CR LF\r\n---\r\n\r\n## A\r\n\r\nline one\r\nline two\r\n\r\n```\r\nx\r\ny\r\n```\r\n")
        XCTAssertEqual(crlf.title, "CR LF")
        XCTAssertEqual(outline(crlf), ["# A", "text: line one line two", "code: x\ny"])
        let cr = try read("# CR\r\rtext\r```\rx\ry\r```\r")
        XCTAssertEqual(cr.title, "CR")
        XCTAssertEqual(outline(cr), ["text: text", "code: x\ny"])
    }

    func testDeeplyNestedListsAreIndentedUpToALimit() throws {
        var text = "# T\n\n"
        for depth in 0..<12 { text += String(repeating: "  ", count: depth) + "- level \(depth)\n" }
        let a = try read(text)
        let items = a.sections[0].paragraphs
        XCTAssertEqual(items.count, 12)
        XCTAssertEqual(items[0], "• level 0")
        XCTAssertEqual(items[2], "    • level 2")
        XCTAssertEqual(items[11], String(repeating: "  ", count: MarkdownBlockReader.maxIndentLevels) + "• level 11")
    }

    // MARK: front matter

    func testFrontMatterFieldsAndLinks() throws {
        let a = try read(
            """
            ---
            Title: Bridge reopens   # a comment
            authors: [Ana Ruiz, "Bo Chen"]
            date: "2024-05-01T10:00:00Z"
            link: https://news.example/bridge
            prev: "Bridge closes for repairs"
            next: https://news.example/bridge-2
            summary: >
              never shown
            ...
            Body text.
            """)
        XCTAssertEqual(a.title, "Bridge reopens")
        XCTAssertEqual(a.meta.author, "Ana Ruiz, Bo Chen")
        XCTAssertEqual(a.meta.date, "2024-05-01T10:00:00Z")
        XCTAssertEqual(a.meta.url, "https://news.example/bridge")
        XCTAssertEqual(a.previousTitle, "Bridge closes for repairs")
        XCTAssertNil(a.nextTitle)
        XCTAssertEqual(a.meta.nextURL, "https://news.example/bridge-2")
        XCTAssertEqual(outline(a), ["text: Body text."])
    }

    func testFrontMatterWithoutTitleFallsBackToTheHeading() throws {
        let a = try read("---\nauthor: X\n---\n# Heading Title\n\ntext\n")
        XCTAssertEqual(a.title, "Heading Title")
        XCTAssertEqual(a.meta.author, "X")
        XCTAssertEqual(outline(a), ["text: text"])
    }

    func testUnclosedFrontMatterIsMarkdown() throws {
        let a = try read("---\ntitle: nope\n\n# Real\n\ntext\n")
        XCTAssertEqual(a.title, "Real")
        XCTAssertEqual(outline(a), ["text: title: nope", "text: text"])
    }

    func testFrontMatterTitleWithHostileBytes() throws {
        let a = try read("---\ntitle: \"\u{1B}]0;PWNED\u{07}Evil\"\n---\ntext\n")
        XCTAssertEqual(a.title, "␛]0;PWNED␇Evil")
        assertClean(a)
    }

    // MARK: PREV / NEXT lines

    func testTrailerLinesAsInPlainText() throws {
        let a = try read("# Two\n\nBody.\n\nPREV One\nNEXT Three")
        XCTAssertEqual(a.previousTitle, "One")
        XCTAssertEqual(a.nextTitle, "Three")
        XCTAssertEqual(outline(a), ["text: Body."])
        XCTAssertEqual(a.warnings, [])
        let onlyNext = try read("# Two\n\nBody.\n\n---\n\nNEXT Three\n\n")
        XCTAssertNil(onlyNext.previousTitle)
        XCTAssertEqual(onlyNext.nextTitle, "Three")
        XCTAssertEqual(outline(onlyNext), ["text: Body."])
        XCTAssertEqual(onlyNext.warnings, ["no PREV line"])
    }

    func testSeparatorAfterAListIsNotAnItem() throws {
        let a = try read("# Two\n\n- a\n- b\n\n-\n\nPREV One\nNEXT Three\n")
        XCTAssertEqual(a.previousTitle, "One")
        XCTAssertEqual(outline(a), ["list-item: • a", "list-item: • b"])
    }

    func testTrailerInsideCodeOrQuoteIsText() throws {
        let fenced = try read("# T\n\n```\nPREV x\nNEXT y\n")
        XCTAssertNil(fenced.previousTitle)
        XCTAssertEqual(outline(fenced), ["code: PREV x\nNEXT y"])
        let quoted = try read("# T\n\n> quote\nPREV x\nNEXT y\n")
        XCTAssertNil(quoted.nextTitle)
        XCTAssertEqual(outline(quoted), ["quote: quote PREV x NEXT y"])
        let body = try read("# T\n\nNEXT is a word here, and\nthen more.\n")
        XCTAssertNil(body.nextTitle)
    }

    func testFrontMatterLinksWinOverTrailer() throws {
        let a = try read("---\ntitle: T\nprev: From front\n---\nbody\n\nPREV From trailer\nNEXT Next one\n")
        XCTAssertEqual(a.previousTitle, "From front")
        XCTAssertEqual(a.nextTitle, "Next one")
    }

    // MARK: refused and hostile input

    func testEmptyAndBinaryAreRefusedAsTextFilesAre() {
        for (bytes, expected) in [
            ([UInt8](), ArticleError.empty(path: "e.md")),
            (Array(" \n\n\t \n".utf8), .empty(path: "e.md")),
            ([0x23, 0x20, 0x41, 0x00, 0x0A], .binary(path: "e.md")),
            (Array(repeating: UInt8(0x01), count: 100), .binary(path: "e.md")),
        ] {
            XCTAssertThrowsError(try MarkdownFormat().parse(bytes, source: "e.md")) {
                XCTAssertEqual($0 as? ArticleError, expected)
            }
            var plain: ArticleError?
            do { _ = try PlainTextFormat().parse(bytes, source: "e.md") } catch { plain = error }
            XCTAssertEqual(plain, expected)
        }
        // Nothing to show at all (a comment, an empty front matter) is empty too.
        XCTAssertThrowsError(try read("---\nauthor: x\n---\n<!-- nothing -->\n\n***\n")) {
            XCTAssertEqual($0 as? ArticleError, .empty(path: "note.md"))
        }
        XCTAssertThrowsError(try read(String(repeating: " \n", count: 10_000))) {
            XCTAssertEqual($0 as? ArticleError, .empty(path: "note.md"))
        }
    }

    func testInvalidUTF8IsReplacedWithTheWarning() throws {
        let bytes = Array("# Caf".utf8) + [0xE9] + Array("\n\nna\u{EF}ve \u{FF}\u{FE} text\n".utf8) + [0xC3, 0x28]
        let a = try MarkdownFormat().parse(bytes, source: "bad.md")
        XCTAssertEqual(a.title, "Caf\u{FFFD}")
        XCTAssertTrue(a.sections[0].paragraphs[0].contains("\u{FFFD}("))
        XCTAssertEqual(a.warnings.first, "text is not valid UTF-8; bad bytes are shown as \u{FFFD}")
    }

    func testEscapeSequencesAndControlsNeverPass() throws {
        let csi = "\u{1B}[2J\u{1B}[31m"
        let osc = "\u{1B}]52;c;cm0gLXJmIH4K\u{07}"
        let a = try read(
            """
            # Title \(csi)

            Text \(osc) and C1 \u{9B}2J and bidi \u{202E}\u{2066}.

            ## Heading \u{7F}

            - item \(csi)

            > quote \(csi)

            ```
            code \(csi)\u{08}
            ```

            `inline \(csi)` <span title="\(csi)">x</span>

            <div>\(csi) in html</div>

            PREV prev \(csi)
            NEXT next \(osc)
            """)
        assertClean(a)
        XCTAssertEqual(a.title, "Title ␛[2J␛[31m")
        XCTAssertEqual(a.previousTitle, "prev ␛[2J␛[31m")
        XCTAssertTrue(a.warnings.contains { $0.hasSuffix("control character(s) replaced by visible symbols") })
        XCTAssertTrue(a.warnings.contains("2 bidirectional override character(s) removed"))
    }

    func testNULsPastTheFirstBytesAreReplaced() throws {
        var bytes = Array("# Nul\n\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 9000)
        bytes += [0x00] + Array(" after\n\n```\nx\u{0}y\n```\n".utf8)
        let a = try MarkdownFormat().parse(bytes, source: "nul.md")
        assertClean(a)
        XCTAssertTrue(a.sections[0].paragraphs[0].hasSuffix("\u{FFFD} after"))
    }

    func testTenThousandNestedQuotes() throws {
        let text = "# Deep\n\n" + String(repeating: ">", count: 10_000) + " bottom\n"
        let start = Date()
        let a = try read(text)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        XCTAssertEqual(outline(a), ["quote: bottom"])
        let spaced = try read(
            String(repeating: "> ", count: 10_000) + "x\n" + String(repeating: "- ", count: 10_000) + "y\n")
        assertClean(spaced)
    }

    func testTenThousandNestedListsAndBrackets() throws {
        let lists = try read("# L\n\n" + String(repeating: "1. ", count: 10_000) + "x\n")
        XCTAssertEqual(lists.sections[0].paragraphs.last?.hasSuffix("x"), true)
        let brackets = try read(
            "# B\n\n" + String(repeating: "[", count: 10_000) + String(repeating: "*a", count: 5000)
                + String(repeating: "](u)", count: 5000) + String(repeating: "![", count: 5000))
        assertClean(brackets)
        let html = try read("# H\n\n<div>" + String(repeating: "<div>", count: 400) + "deep</div>\n")
        XCTAssertTrue(outline(html).contains("text: deep"))
        // Deeper than libxml2 is let nest (docs/HTML.md): read without a crash, as far as it goes.
        let deeper = try? read("# H\n\nbefore\n\n<div>" + String(repeating: "<div>", count: 20_000) + "deep</div>\n")
        XCTAssertEqual(deeper?.title, "H")
    }

    func testFiveMegabyteNoteIsQuick() throws {
        var text = "---\ntitle: Big\n---\n"
        var i = 0
        while text.utf8.count < 5_000_000 {
            text += "## Section \(i)\n\nSome *text* with a [link](http://x/\(i)) and `code`, line one\nline two.\n\n"
            text += "- item \(i)\n- item\n\n> quoted \(i)\n\n```\ncode \(i)\n```\n\n"
            i += 1
        }
        let start = Date()
        let a = try read(text)
        let took = Date().timeIntervalSince(start)
        XCTAssertEqual(a.title, "Big")
        XCTAssertEqual(a.sections.count, i)
        // A debug build on a busy machine: a release build reads it in a fraction of this.
        XCTAssertLessThan(took, 8, "5 MB note took \(took) s")
        let oneLine = String(repeating: "word *em* ", count: 500_000)
        let start2 = Date()
        let b = try read(oneLine, source: "one-line.md")
        XCTAssertEqual(b.title, "one-line")
        XCTAssertLessThan(Date().timeIntervalSince(start2), 8)
    }

    // MARK: through the seam

    func testFormatChooserPicksMarkdown() {
        for name in ["a.md", "b.markdown", "C.MD", "dir.v2/notes.Markdown"] {
            XCTAssertEqual(FormatChooser.format(source: name, head: Array("plain".utf8)), .markdown, name)
        }
        XCTAssertEqual(FormatChooser.format(source: "README", head: Array(Self.german.utf8)), .markdown)
        XCTAssertEqual(FormatChooser.format(source: "sakura", head: Array(Self.japanese.utf8)), .markdown)
        XCTAssertEqual(FormatChooser.format(source: "plain", head: Array("Title\n\n-\n\nbody".utf8)), .text)
        XCTAssertTrue(ArticleParser().format(source: "x.md", head: []) is MarkdownFormat)
    }

    func testArticleParserReadsMarkdownThroughTheSeam() throws {
        let byName = try ArticleParser().parse(Array(Self.german.utf8), source: "hafen.md")
        XCTAssertEqual(byName, try read(Self.german, source: "hafen.md"))
        // No extension: sniffed by its front matter.
        let sniffed = try ArticleParser().parse(Array(Self.german.utf8), source: "hafen")
        XCTAssertEqual(sniffed.meta.format, .markdown)
        XCTAssertEqual(sniffed.title, "Hafenkräne: Streik legt Umschlag lahm")
    }

    func testCollectionOfMarkdownNotesAndAPlainTextArticle() throws {
        let folder = try temporaryFolder("markdown")
        let one = folder.write("one.md", Array("# Harbour strike\n\nDay one.\n\nNEXT Harbour talks\n".utf8))
        let two = folder.write(
            "two.markdown",
            Array(
                "---\ntitle: Harbour talks\nprev: Harbour strike\nurl: https://n.example/2\n---\n## Day two\n\nTalks.\n"
                    .utf8))
        let three = folder.write(
            "three.txt", Fixture.spaced("Harbour deal", ["Done."], previous: "Harbour talks").bytes)
        let four = folder.write("notes", Array("---\ntitle: Untitled notes\n---\ntext\n".utf8))
        let collection = CollectionLoader().collection(of: [one, two, three, four])
        XCTAssertEqual(collection.failures, [])
        XCTAssertEqual(
            collection.entries.map(\.links.title),
            ["Harbour strike", "Harbour talks", "Harbour deal", "Untitled notes"])
        XCTAssertEqual(collection.entries[1].links.url, "https://n.example/2")
        XCTAssertEqual(collection.link(0, .next)?.target, 1)
        XCTAssertEqual(collection.link(1, .previous)?.target, 0)
        XCTAssertEqual(collection.link(2, .previous)?.target, 1)
        XCTAssertNil(collection.link(0, .previous))
        let folderCollection = try CollectionLoader().collection(ofFolder: folder.path)
        XCTAssertEqual(
            Set(folderCollection.entries.map(\.links.title)), ["Harbour strike", "Harbour talks", "Harbour deal"])
    }

    // MARK: the fixtures (also the fuzz target's seeds)

    func testFixtureNotes() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Fixtures/Markdown/"
        func note(_ name: String) throws -> Article {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + name)))
            let a = try ArticleParser().parse(bytes, source: folder + name)
            assertClean(a)
            XCTAssertEqual(a.meta.format, .markdown, name)
            return a
        }
        let front = try note("front-matter.md")
        XCTAssertEqual(front.title, "Hafenkräne: Streik legt Umschlag lahm")
        XCTAssertEqual(front.headings, ["Was gefordert wird", "Statistik"])
        XCTAssertEqual(front.previousTitle, "Tarifrunde beginnt")
        XCTAssertEqual(front.nextTitle, "Einigung im Hafen")
        XCTAssertEqual(
            front.sections.last?.paragraphs,
            [
                "# Umschlag pro Tag\nawk '{ n += $3 } END { print n }' umschlag.log", "[Kräne] code inline", "hard",
                "break",
            ])
        let cjk = try note("setext-cjk.md")
        XCTAssertEqual(cjk.title, "東京の桜、観測史上最も早い開花")
        XCTAssertEqual(cjk.headings, ["観測の方法"])
        XCTAssertEqual(cjk.sections.last?.kinds, [.code, .listItem, .listItem, .quote])
        let html = try note("html-blocks.md")
        XCTAssertEqual(
            html.sections[0].paragraphs,
            ["Важно: голосование «перенесено».", "| a | b | |---|---| | 1 | 2 |", "Text with script and span."])
        let escapes = try note("escapes.md")
        XCTAssertEqual(escapes.title, "Escape ␛[31mred␛[0m")
        XCTAssertEqual(escapes.sections[0].paragraphs.last, "    tab ␛[2J")
        XCTAssertEqual(escapes.nextTitle, "b")
    }
}
