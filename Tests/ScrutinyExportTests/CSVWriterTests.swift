import Foundation
import Testing
@testable import ScrutinyExport

/// Writes one CSV through `CSVWriter` into a real file and returns its bytes.
private func csvBytes(excel: Bool = false, _ body: (inout CSVWriter) throws -> Void) throws -> Data {
    let folder = try TemporaryFolder()
    try AtomicFile.write(to: folder.file("t.csv")) { file in
        var csv = try CSVWriter(output: file.stream, excel: excel)
        try body(&csv)
    }
    return try folder.read("t.csv")
}

private func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

@Suite struct CSVWriterTests {
    @Test func quotesOnlyFieldsWithCommaQuoteOrLineBreakAndDoublesQuotes() throws {
        let data = try csvBytes { csv in
            csv.text("plain")
            csv.text("a, b")
            csv.text("say \"hi\"")
            csv.text("two\nlines")
            csv.text("cr\ronly")
            try csv.endRecord()
        }
        #expect(text(data) == "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\ronly\"\r\n")
    }

    @Test func formulaTextIsPrefixedWithApostrophe() throws {
        let data = try csvBytes { csv in
            for value in ["=SUM(A1:A2)", "+44 1234", "-complete", "@risk", "\tindent", "\rreturn", "a=b", "safe"] {
                csv.text(value)
            }
            try csv.endRecord()
        }
        #expect(text(data) == "'=SUM(A1:A2),'+44 1234,'-complete,'@risk,'\tindent,\"'\rreturn\",a=b,safe\r\n")
    }

    @Test func neutralisedQuotedFieldKeepsApostropheInsideQuotes() throws {
        let data = try csvBytes { csv in
            csv.text("=HYPERLINK(\"x\",\"y\")")
            try csv.endRecord()
        }
        #expect(text(data) == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\r\n")
    }

    @Test func numbersAreNeverNeutralised() throws {
        let data = try csvBytes { csv in
            csv.number(-1000)
            csv.integer(-3)
            csv.number(-0.5)
            try csv.endRecord()
        }
        #expect(text(data) == "-1000,-3,-0.5\r\n")
    }

    @Test func nullsAreEmptyCellsAndBooleansAreWords() throws {
        let data = try csvBytes { csv in
            csv.text(nil)
            csv.integer(nil)
            csv.number(nil)
            csv.boolean(nil)
            csv.boolean(true)
            csv.boolean(false)
            csv.list([])
            try csv.endRecord()
        }
        #expect(text(data) == ",,,,true,false,\r\n")
    }

    @Test func listsAreJoinedWithSemicolonSpace() throws {
        let data = try csvBytes { csv in
            csv.list(["Police", "Fire, Rescue", "NHS"])
            csv.list(["-first"])
            try csv.endRecord()
        }
        #expect(text(data) == "\"Police; Fire, Rescue; NHS\",'-first\r\n")
    }

    @Test func byteOrderMarkOnlyWithExcel() throws {
        let plain = try csvBytes { csv in try csv.header(["a"]) }
        let excel = try csvBytes(excel: true) { csv in try csv.header(["a"]) }
        #expect(Array(plain) == Array("a\r\n".utf8))
        #expect(Array(excel) == [0xEF, 0xBB, 0xBF] + Array("a\r\n".utf8))
    }

    @Test func nonASCIITextPassesThroughAsUTF8() throws {
        let data = try csvBytes { csv in
            csv.text("£1.3m – Ünïcode")
            try csv.endRecord()
        }
        #expect(text(data) == "£1.3m – Ünïcode\r\n")
    }

    @Test func largeOutputCrossesTheBufferBoundaryIntact() throws {
        let cell = String(repeating: "x", count: 1000)
        let data = try csvBytes { csv in
            for _ in 0..<200 {
                csv.text(cell)
                csv.integer(123_456_789)
                try csv.endRecord()
            }
        }
        #expect(data.count == 200 * (1000 + 1 + 9 + 2))
        let table = try StrictCSVReader.parse(data)
        #expect(table.rows.count == 199)
        #expect(table.rows.allSatisfy { $0 == [cell, "123456789"] })
    }
}

@Suite struct PlainNumberTests {
    @Test(arguments: [
        (1_312_000.0, "1312000"), (31007.46, "31007.46"), (-1000.0, "-1000"), (0.0, "0"), (-0.0, "0"),
        (6_800_000.0, "6800000"), (0.5, "0.5"), (0.00001, "0.00001"), (1.5e-7, "0.00000015"),
        (1e16, "10000000000000000"), (-2.5e20, "-250000000000000000000"), (123456.789, "123456.789"),
        (1e22, "10000000000000000000000"), (9_007_199_254_740_993.0, "9007199254740992"),
    ])
    func formatsWithoutExponentOrTrailingZero(value: Double, expected: String) {
        #expect(PlainNumber.format(value) == expected)
    }

    @Test func nonFiniteValuesHaveNoPlainForm() {
        #expect(PlainNumber.format(.nan) == nil)
        #expect(PlainNumber.format(.infinity) == nil)
    }

    @Test func plainFormRoundTripsThroughDouble() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let value = Double(bitPattern: generator.next()) // any bit pattern, finite or not
            guard value.isFinite else { continue }
            let plain = PlainNumber.format(value)
            #expect(plain.flatMap(Double.init) == value, "\(value) -> \(plain ?? "nil")")
            #expect(plain?.contains("e") == false)
        }
    }
}
