/// One character code shown on a page: its text, where its origin lies (PDF user space,
/// points, y upwards), where the next glyph would start, and its size.
struct PlacedGlyph: Sendable {
    var text: String
    var x: Double
    var y: Double
    var endX: Double
    var size: Double
}
