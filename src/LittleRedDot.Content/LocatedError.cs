namespace LittleRedDot.Content;

/// <summary>One problem in a file: which file, where in it (a JSON path, a CSV line), and what was expected.</summary>
public sealed record LocatedError(string File, string Location, string Message)
{
    public override string ToString() =>
        Location.Length == 0 ? $"{File}: {Message}" : $"{File}: {Location}: {Message}";
}
