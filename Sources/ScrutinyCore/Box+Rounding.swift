extension Box {
    /// The box with each coordinate rounded to a hundredth of a point (a record's provenance
    /// carries it so: finer than any screen or print shows, and short in JSON).
    ///
    /// ```swift
    /// Box(x: 72.123456, y: 100, width: 20.005, height: 9.999).roundedToHundredths
    /// // Box(x: 72.12, y: 100, width: 20.01, height: 10)
    /// ```
    public var roundedToHundredths: Box {
        Box(x: Self.hundredths(x), y: Self.hundredths(y), width: Self.hundredths(width), height: Self.hundredths(height))
    }

    /// The same rectangle with a non-negative width and height (a box given from its far corner
    /// is moved to its near one).
    public var standardized: Box {
        Box(x: min(x, x + width), y: min(y, y + height), width: abs(width), height: abs(height))
    }

    private static func hundredths(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
