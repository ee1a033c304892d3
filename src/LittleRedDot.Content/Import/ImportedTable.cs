namespace LittleRedDot.Content.Import;

/// <summary>
/// The points a table gave, in the file's row order, and an account of how they were read: what the
/// importer assumed (encoding, delimiter, decimal mark, or the sheet) and which rows it kept or left out.
/// </summary>
public sealed record ImportedTable
{
    /// <summary>x of each kept row, as written in the source.</summary>
    public required double[] X { get; init; }

    /// <summary>y of each kept row, as written in the source.</summary>
    public required double[] Y { get; init; }

    /// <summary>The line (or sheet row) each kept row starts on.</summary>
    public required int[] Lines { get; init; }

    /// <summary>The column names the normalised CSV uses for x and y.</summary>
    public required string XName { get; init; }

    public required string YName { get; init; }

    /// <summary>The where filter in the normalised CSV's column names: every kept row holds these texts.</summary>
    public required IReadOnlyDictionary<string, string> Where { get; init; }

    /// <summary>Data rows read (non-empty rows after the header).</summary>
    public required int RowsRead { get; init; }

    /// <summary>Rows a where filter left out.</summary>
    public required int LeftOut { get; init; }

    /// <summary>Lines of rows dropped for a gap in x or y (<see cref="ImportOptions.DropIncomplete"/>).</summary>
    public required int[] Dropped { get; init; }

    /// <summary>How the file was read, in words, one item each: "UTF-8", "delimiter ';'", "decimal comma", "sheet \"Data\"".</summary>
    public required IReadOnlyList<string> Assumed { get; init; }

    /// <summary>"line" for text, "row" for a sheet: how <see cref="Lines"/> are named.</summary>
    public required string LineWord { get; init; }
}
