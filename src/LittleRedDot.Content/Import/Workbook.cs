using System.Globalization;
using ExcelDataReader;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Import;

/// <summary>
/// The rows of one sheet of an Excel workbook (.xlsx, or the older binary .xls), read cell by cell through
/// ExcelDataReader's forward-only reader — never its DataSet path, which needs reflection a native build lacks.
/// Numbers come as their exact doubles, written in round-trip text; empty cells as "".
/// </summary>
public static class Workbook
{
    /// <summary>Whether these bytes start like a workbook: a zip (.xlsx) or an OLE2 compound file (.xls).</summary>
    public static bool Looks(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>
    /// The sheet named <paramref name="sheet"/> (or the N-th, from 1), else the first sheet holding any
    /// value; its non-empty rows numbered as the spreadsheet numbers them.
    /// </summary>
    /// <exception cref="ContentException">Not a workbook, a sheet that is not there, or no sheet with data.</exception>
    public static (string Sheet, IReadOnlyList<SourceRow> Rows) Read(byte[] bytes, string file, string? sheet, int maxRows)
    {
        TextDecoder.RegisterCodePages(); // .xls strings are in the workbook's code page
        try
        {
            RefuseZipBomb(bytes, file);
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            var names = new List<string>();
            do
            {
                names.Add(reader.Name ?? string.Empty);
                if (!Wanted(sheet, reader.Name, names.Count))
                {
                    continue;
                }

                var rows = SheetRows(reader, file, maxRows);
                if (sheet is not null || rows.Count > 0)
                {
                    return (reader.Name ?? string.Empty, rows);
                }
            }
            while (reader.NextResult());

            var listed = string.Join(", ", names.Select((n, i) => $"{i + 1} \"{n}\""));
            throw new ContentException(new LocatedError(file, string.Empty, sheet is null
                ? $"no sheet holds any value (sheets: {listed})"
                : $"no sheet \"{sheet}\"; the workbook has {listed} (give --sheet a name or a number from 1)"));
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or System.Xml.XmlException or NotSupportedException or ArgumentException or IndexOutOfRangeException or EndOfStreamException)
        {
            throw new ContentException(new LocatedError(file, string.Empty, $"cannot be read as an Excel workbook ({e.Message})"));
        }
    }

    /// <summary>The most an .xlsx may unpack to: its XML is read whole-sheet by the reader, so a small zip must not become gigabytes.</summary>
    public const long MaxUnpackedBytes = 1L << 30;

    /// <summary>An .xlsx whose parts declare more than <see cref="MaxUnpackedBytes"/> in all is refused before it is unpacked.</summary>
    private static void RefuseZipBomb(byte[] bytes, string file)
    {
        if (!bytes.AsSpan().StartsWith("PK"u8))
        {
            return;
        }

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes, writable: false), System.IO.Compression.ZipArchiveMode.Read);
        var total = zip.Entries.Sum(e => e.Length);
        if (total > MaxUnpackedBytes)
        {
            throw new ContentException(new LocatedError(file, string.Empty, $"unpacks to {total:N0} bytes; at most {MaxUnpackedBytes:N0} are read"));
        }
    }

    private static bool Wanted(string? sheet, string? name, int number) =>
        sheet is null
        || string.Equals(sheet, name, StringComparison.Ordinal)
        || (int.TryParse(sheet, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n == number && !string.Equals(sheet, name, StringComparison.Ordinal));

    private static List<SourceRow> SheetRows(IExcelDataReader reader, string file, int maxRows)
    {
        var rows = new List<SourceRow>();
        var number = 0;
        while (reader.Read())
        {
            number++;
            var cells = new string[reader.FieldCount];
            var any = false;
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Text(reader.GetValue(i));
                any |= cells[i].Length > 0;
            }

            if (!any)
            {
                continue;
            }

            if (rows.Count >= maxRows)
            {
                throw new ContentException(new LocatedError(file, $"row {number}", $"more than {maxRows:N0} rows; a level holds at most that many points"));
            }

            // Trailing empty cells are the sheet's width, not data.
            var width = cells.Length;
            while (width > 0 && cells[width - 1].Length == 0)
            {
                width--;
            }

            rows.Add(new SourceRow(number, cells[..width]));
        }

        return rows;
    }

    /// <summary>A cell as text: a number in round-trip form (reads back to the same double), a date in ISO form, empty for none.</summary>
    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => DoubleText.RoundTrip(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        DateTime t => t.ToString("s", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
