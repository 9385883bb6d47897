import Foundation

/// The `datapackage.json` that describes the CSV files: a Frictionless Tabular Data Package
/// with one resource per file, each with its CSV dialect and Table Schema (field types, primary
/// key, and a foreign key from `document_id` to `documents`).
///
/// It depends only on the tables, never on the data, so its bytes are the same on every run.
struct DataPackage: Encodable {
    let profile = "tabular-data-package"
    let name = "scrutiny-reports"
    let title = "Council committee reports extracted by scrutiny"
    let resources: [Resource]

    init(tables: [any CSVTable]) {
        resources = tables.map(Resource.init)
    }

    /// The package as pretty JSON with sorted keys, ending with a newline.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    struct Resource: Encodable {
        let name: String
        let path: String
        let profile = "tabular-data-resource"
        let format = "csv"
        let mediatype = "text/csv"
        let encoding = "utf-8"
        let dialect = Dialect()
        let schema: Schema

        init(table: any CSVTable) {
            name = table.name
            path = table.fileName
            schema = Schema(table: table)
        }
    }

    /// CSV Dialect: RFC 4180 with CRLF line ends.
    struct Dialect: Encodable {
        let delimiter = ","
        let doubleQuote = true
        let header = true
        let lineTerminator = "\r\n"
        let quoteChar = "\""
    }

    struct Schema: Encodable {
        let fields: [Field]
        let primaryKey: [String]
        let foreignKeys: [ForeignKey]
        let missingValues = [""]

        init(table: any CSVTable) {
            fields = table.fields.map { Field(name: $0.name, type: $0.type) }
            primaryKey = table.primaryKey
            foreignKeys = table.name == ExportTables.documents.name ? [] : [ForeignKey()]
        }
    }

    struct Field: Encodable {
        let name: String
        let type: FieldType
    }

    /// `document_id` refers to `documents.document_id`.
    struct ForeignKey: Encodable {
        let fields = ["document_id"]
        let reference = Reference()

        struct Reference: Encodable {
            let resource = ExportTables.documents.name
            let fields = ["document_id"]
        }
    }
}
