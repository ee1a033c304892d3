namespace LittleRedDot.Content.Import;

/// <summary>One non-empty row of a table as read: where it starts in the file (1-based line, or sheet row) and its cells as text.</summary>
public sealed record SourceRow(int Line, IReadOnlyList<string> Cells);
