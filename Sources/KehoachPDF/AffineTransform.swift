/// A PDF matrix `[a b c d e f]` (ISO 32000-1, 8.3.4): points map as
/// `x' = a·x + c·y + e`, `y' = b·x + d·y + f`.
struct AffineTransform: Sendable {
    var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0

    static let identity = AffineTransform()

    init() {}

    init(_ values: [Double]) {
        guard values.count == 6, values.allSatisfy(\.isFinite) else { return }
        (a, b, c, d, e, f) = (values[0], values[1], values[2], values[3], values[4], values[5])
    }

    static func translation(_ x: Double, _ y: Double) -> AffineTransform {
        AffineTransform([1, 0, 0, 1, x, y])
    }

    /// `self` first, then `other`, as PDF concatenates (`M × CTM`).
    func then(_ other: AffineTransform) -> AffineTransform {
        AffineTransform([a * other.a + b * other.c, a * other.b + b * other.d,
                         c * other.a + d * other.c, c * other.b + d * other.d,
                         e * other.a + f * other.c + other.e, e * other.b + f * other.d + other.f])
    }

    func apply(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// How much the matrix stretches vertical lengths (a font's size on the page).
    var verticalScale: Double { (c * c + d * d).squareRoot() }
}
