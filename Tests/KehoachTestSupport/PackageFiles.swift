import Foundation

/// The package's own files that tests read: the shipped plans and their Word and PDF copies.
public enum PackageFiles {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let planNames = ["000_fa63a0f80774488b", "001_9fe0b95e4769c4a4", "002_71e7e9b48e300ff8", "004_20279ad623c16fd7"]

    public static func bytes(_ relativePath: String) -> [UInt8] {
        FileManager.default.contents(atPath: root.appendingPathComponent(relativePath).path).map { [UInt8]($0) } ?? []
    }

    public static func plan(_ name: String) -> [UInt8] { bytes("corpus/\(name).txt") }
    public static func document(_ name: String, _ format: String) -> [UInt8] { bytes("Tests/Fixtures/documents/\(name).\(format)") }
}
