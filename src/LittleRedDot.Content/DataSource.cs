namespace LittleRedDot.Content;

/// <summary>
/// Where a level's points come from (RULES.md §6): inline points, or two columns of a CSV file with
/// an optional row filter; either way with the shifts and scales that give the points as played.
/// </summary>
public sealed record DataSource
{
    /// <summary>Inline points as written, before shifts and scales; null for a CSV source.</summary>
    public IReadOnlyList<(double X, double Y)>? Points { get; init; }

    /// <summary>The CSV path as written in the level file, relative to its folder.</summary>
    public string? Csv { get; init; }

    public string? XColumn { get; init; }

    public string? YColumn { get; init; }

    /// <summary>Keep only rows whose named columns equal these texts.</summary>
    public IReadOnlyDictionary<string, string> Where { get; init; } = new Dictionary<string, string>();

    public double XShift { get; init; }

    public double XScale { get; init; } = 1.0;

    public double YShift { get; init; }

    public double YScale { get; init; } = 1.0;
}
