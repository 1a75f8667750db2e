import Foundation
import GazetteTestSupport
import XCTest

@testable import ArticleKit

/// Issue 22: the kinds of heading mistakes readers saw on real plain text, one test per kind,
/// on articles written for these tests in the style of real pages (several languages).
final class HeadingMistakesTests: XCTestCase {
    func headings(_ blocks: [String], title: String = "Harbour report") throws -> [String] {
        try Fixture(title: title, blocks: blocks).parse().headings
    }

    // MARK: shown as sections, wrongly

    /// "Image" / "Photo" before a caption: the outline used to start "2. Image".
    func testMediaLabelBeforeACaptionIsNoSection() throws {
        for label in ["Image", "Photo", "Foto", "Bild 2 von 5", "Imagen", "Фото", "Photo 3 of 12", "图片"] {
            let found = try headings([
                "Die Hafenbehörde hat am Montag neue Zahlen vorgelegt. Der Umschlag stieg im dritten Quartal um vier Prozent, vor allem wegen der Container aus Asien, sagte die Sprecherin.",
                label,
                "Harbour cranes at dusk",
                "Nach Angaben der Behörde sollen bis 2027 zwei weitere Liegeplätze entstehen. Die Arbeiten beginnen im Frühjahr, wenn die Genehmigung des Landes vorliegt, hieß es.",
            ])
            XCTAssertFalse(found.contains(label), label)
            XCTAssertTrue(BlockShape(label).furniture.contains(.credit), label)
        }
    }

    func testCodeAndShellLinesAreNoSections() throws {
        let code = [
            "pip install harbour-tools", "$ harbour sync --all", "npm install --save harbour-client",
            "config.get(\"port\"); // null", "import { Harbour } from \"harbour\";", "sudo systemctl restart harbourd",
            "const port = settings.port || 8080;", "def load_config(path):",
            "git clone https://example.org/harbour.git",
        ]
        for line in code {
            let shape = BlockShape(line)
            XCTAssertTrue(shape.isCode || shape.hasLink, line)
        }
        let found = try headings(
            [
                "The harbour tools ship as a small Python package. Once it is installed, the command line client can sync every berth schedule in one go, and it reads its settings from one file.",
                "pip install harbour-tools",
                "Then point it at your configuration file and run the first sync, which takes a minute or two on a large port with many berths and ships waiting.",
                "config.get(\"port\"); // null",
                "If the port is missing, the client falls back to the default and logs a warning, so check the log after the first run and fix the file if needed.",
            ], title: "Getting started with harbour-tools")
        XCTAssertEqual(found, [])
        // Text is not code: punctuation in prose does not make a line code.
        for line in ["From Paris (France) to Rome", "C++ in 2024", "Was kostet der Ausbau?", "Class of 2024"] {
            XCTAssertFalse(BlockShape(line).isCode, line)
        }
    }

    func testListItemsAreNoSections() throws {
        for line in [
            "3) costs", "b) the schedule", "• Fahrplan", "* lower fares", "· nuove corse", "in § 5 Abs. 2 BGB",
        ] {
            XCTAssertTrue(BlockShape(line).isListItem, line)
        }
        // A dash opens a quote in Scandinavian papers, and their quoted sub-headings too; "◆" marks a
        // Japanese heading. The score decides these, no rule.
        for line in ["– Jeg følte meg veldig ensom", "- Ekstremt utfordrende", "◆学内に不安の声"] {
            XCTAssertFalse(BlockShape(line).isListItem, line)
        }
        let found = try headings([
            "Der Stadtrat hat drei Punkte festgelegt, über die im Herbst noch einmal abgestimmt wird, bevor das Projekt ausgeschrieben werden kann und die Arbeiten beginnen.",
            "1) Trasse", "2) Zeitplan", "3) Kosten",
            "Über alle drei Punkte soll bis Ende Oktober entschieden werden, sagte der Oberbürgermeister am Dienstag nach der Sitzung vor Journalisten im Rathaus.",
            "Die Regeln stehen hier:", "in § 5 Abs. 2 BGB", "in § 7 Abs. 1 BGB", "in § 12 BGB",
            "Welche davon für Mieter gilt, hängt vom Vertrag ab; im Zweifel hilft der Mieterverein weiter, der eine kostenlose Beratung anbietet.",
        ])
        XCTAssertEqual(found, [])
        XCTAssertFalse(BlockShape("3. Kosten").isListItem, "numbered with a period may be a heading")
        XCTAssertFalse(BlockShape("Ein neuer Fahrplan").isListItem)
    }

    func testShopLinesAreNoSections() throws {
        for line in [
            "Buy it now: Store", "Use code SAVE20", "Jetzt kaufen bei Amazon", "Preis: 49,99 Euro inkl. MwSt.",
            "Voir l'offre", "Ver oferta", "Acquista su Amazon", "Add to cart",
        ] {
            XCTAssertTrue(BlockShape(line).furniture.contains(.shop), line)
            let found = try headings([
                "This kettle boils a litre in under three minutes and stays quiet while it does, which is more than most of its rivals at this price can claim in our tests.",
                line,
                "The only thing we missed was a keep-warm setting, which the more expensive model has, and the lid could open a little wider for easier filling.",
            ])
            XCTAssertEqual(found, [], line)
        }
    }

    func testReadAlsoLinesInSeveralLanguagesAreNoSections() throws {
        for line in [
            "Lire : La réforme des retraites adoptée", "Leggi anche Il porto di Genova cresce ancora",
            "Lesen Sie auch: Hafen Hamburg im Umbruch", "Lee también: El puerto de Valencia bate récords",
            "Читайте также: Порт Новороссийск", "Pročitajte: Luka Rijeka raste", "Czytaj także: Port w Gdańsku",
            "Läs också: Hamnen i Göteborg", "Read next: Rotterdam's new terminal", "関連記事",
        ] {
            XCTAssertTrue(BlockShape(line).furniture.contains(.related), line)
            let found = try headings([
                "Le port a enregistré une hausse de son trafic au troisième trimestre, portée par les conteneurs venus d'Asie et par la reprise des croisières en Méditerranée.",
                line,
                "La direction prévoit deux nouveaux postes à quai d'ici 2027, financés en partie par la région et par l'État dans le cadre du plan de relance portuaire.",
            ])
            XCTAssertEqual(found, [], line)
        }
    }

    // MARK: missed

    /// A section whose first block is a sub-heading: the heading right above another heading.
    func testHeadingRightAboveAnotherHeadingIsFound() throws {
        let found = try headings([
            paragraph("The port authority published its annual report."),
            "Geography",
            "Climate",
            paragraph("Winters are mild and wet, and summers are dry."),
            "Environment",
            paragraph("The estuary is home to several protected bird species."),
        ])
        XCTAssertTrue(found.contains("Climate"), "\(found)")
        XCTAssertTrue(found.contains("Environment"), "\(found)")
    }

    func testHeadingsEndingInAQuestionOrExclamationMarkAreFound() throws {
        let found = try headings([
            paragraph("Die Hafenbehörde hat am Montag neue Zahlen vorgelegt."),
            "Was kostet der Ausbau?",
            paragraph("Nach Angaben der Behörde rund 300 Millionen Euro."),
            "¿Quién paga la obra?",
            paragraph("La mitad llegará de fondos europeos, según el ministerio."),
        ])
        XCTAssertEqual(found, ["Was kostet der Ausbau?", "¿Quién paga la obra?"])
    }

    func testHeadingsFollowedByABareAddressLineAreFound() throws {
        let found = try headings([
            paragraph("The harbour office keeps its schedules online."),
            "Berth schedules",
            "https://example.org/harbour/berths",
            paragraph("The schedules are updated every morning at six."),
        ])
        XCTAssertEqual(found, ["Berth schedules"])
    }

    func testInterviewQuestionsAreFound() throws {
        let found = try headings([
            "Die Hafenchefin spricht über den Ausbau, die Kosten und die Kritik der Anwohner, die seit Monaten gegen die neuen Liegeplätze protestieren und mehr Lärmschutz verlangen.",
            "Frage: Warum braucht der Hafen zwei neue Liegeplätze?",
            "Antwort: Weil die Schiffe größer werden und wir sonst Kunden an Rotterdam verlieren. Das ist keine Frage des Wollens, sondern des Müssens, und das wissen auch die Kritiker.",
            "Frage: Was sagen Sie den Anwohnern?",
            "Antwort: Dass wir mehr für den Lärmschutz tun als vorgeschrieben, und dass wir jeden Monat mit ihnen reden. Die Wand am Ostufer wird zwei Meter höher als geplant.",
        ])
        XCTAssertEqual(
            found, ["Frage: Warum braucht der Hafen zwei neue Liegeplätze?", "Frage: Was sagen Sie den Anwohnern?"])
    }
}
