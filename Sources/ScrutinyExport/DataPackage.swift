import Foundation

/// The `datapackage.json` that describes the CSV files: a Frictionless Tabular Data Package
/// with one resource per file, each with its CSV dialect and Table Schema (field types and
/// descriptions, primary key, and a foreign key from `document_id` to `documents`).
///
/// It depends only on the tables, never on the data, so its bytes are the same on every run.
struct DataPackage: Encodable {
    let profile = "tabular-data-package"
    let name = "scrutiny-reports"
    let title = "Council committee reports extracted by scrutiny"
    let resources: [Resource]

    init(tables: [ExportTable]) {
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
        let description: String
        let profile = "tabular-data-resource"
        let format = "csv"
        let mediatype = "text/csv"
        let encoding = "utf-8"
        let dialect = Dialect()
        let schema: Schema

        init(table: ExportTable) {
            name = table.name
            path = table.name + ".csv"
            description = table.description
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

        init(table: ExportTable) {
            fields = table.columns.map { Field(name: $0.name, type: $0.type, description: $0.description) }
            primaryKey = table.primaryKey
            foreignKeys = table.referencesDocuments ? [ForeignKey()] : []
        }
    }

    struct Field: Encodable {
        let name: String
        let type: ExportFieldType
        let description: String
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
