namespace LittleRedDot.Content.Import;

/// <summary>
/// What to take from a table: the x and y columns (header names, or numbers from 1 with <see cref="NoHeader"/>),
/// rows to keep (<see cref="Where"/>: column = text, all must match), whether to drop rows with a gap, and,
/// for a workbook, which sheet (a name or a number from 1). <see cref="Delimiter"/> overrides detection.
/// </summary>
public sealed record ImportOptions(string X, string Y)
{
    public bool NoHeader { get; init; }

    public IReadOnlyDictionary<string, string> Where { get; init; } = new Dictionary<string, string>();

    public bool DropIncomplete { get; init; }

    public string? Sheet { get; init; }

    public char? Delimiter { get; init; }
}
