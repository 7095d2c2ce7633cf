import Foundation

/// Okapi BM25 (Robertson & Zaragoza) over folded words: a term counts more the rarer it is in
/// the corpus (idf) and the more often it occurs in a short item (saturating tf).
///
///   score = Σ idf(t) · tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen))
///   idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))
struct BM25: Sendable {
    var k1: Double = 1.2
    var b: Double = 0.75
    /// Number of items in the corpus, and their average length in words.
    let documents: Int
    let averageLength: Double

    init(documents: Int, totalWords: Int) {
        self.documents = documents
        averageLength = documents == 0 ? 1 : max(1, Double(totalWords) / Double(documents))
    }

    func idf(documentFrequency df: Int) -> Double {
        log(1 + (Double(documents) - Double(df) + 0.5) / (Double(df) + 0.5))
    }

    func score(termFrequency tf: Int, length: Int, idf: Double) -> Double {
        let f = Double(tf)
        return idf * f * (k1 + 1) / (f + k1 * (1 - b + b * Double(length) / averageLength))
    }
}
