using System.Globalization;
using System.Text;

namespace LittleRedDot.Content.Import;

/// <summary>
/// Reads two numeric columns from a table as people have it — delimited text in any of the encodings of
/// <see cref="TextDecoder"/> and delimiters of <see cref="DelimitedText"/>, with a decimal comma where the
/// delimiter is not ',', or a sheet of a workbook — and says what it assumed. The level then uses a
/// normalised copy (<see cref="NormalisedCsv"/>) in the strict dialect of RULES.md §6.
/// </summary>
public static class TableImport
{
    /// <summary>Texts that mean "no value here", as spreadsheets and statistics packages write it (compared ignoring case).</summary>
    public static IReadOnlyList<string> GapTexts { get; } = ["", "NA", "N/A", "#N/A", "?", "nan", "-"];

    /// <summary>The most points a level holds (RULES.md §6).</summary>
    public const int MaxRows = 10_000_000;

    private const int MaxReported = 10;

    /// <exception cref="ContentException">Columns not found, numbers that are not numbers, gaps without --drop-incomplete; every error names its line.</exception>
    public static ImportedTable Import(byte[] bytes, string file, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(options);
        var assumed = new List<string>();
        IReadOnlyList<SourceRow> rows;
        string lineWord;
        var decimalCommaAllowed = false;
        if (Workbook.Looks(bytes))
        {
            var (sheet, sheetRows) = Workbook.Read(bytes, file, options.Sheet, MaxRows + 1);
            assumed.Add($"sheet \"{sheet}\"");
            rows = sheetRows;
            lineWord = "row";
        }
        else
        {
            if (options.Sheet is not null)
            {
                throw new ContentException(new LocatedError(file, string.Empty, "--sheet is for a workbook (.xlsx, .xls); this file is text"));
            }

            var (text, encoding) = TextDecoder.Decode(bytes);
            assumed.Add(encoding);
            var delimiter = options.Delimiter ?? DelimitedText.Detect(text) ?? ',';
            assumed.Add($"delimiter {DelimitedText.Name(delimiter)}{(options.Delimiter is null ? string.Empty : " (as given)")}");
            decimalCommaAllowed = delimiter != ',';
            rows = Bounded(DelimitedText.Rows(text, delimiter, file), file);
            lineWord = "line";
        }

        if (rows.Count == 0)
        {
            throw new ContentException(new LocatedError(file, string.Empty, "holds no rows; expected a table of numbers"));
        }

        var headerAt = options.NoHeader ? -1 : HeaderRow(rows, options);
        if (headerAt > 0)
        {
            assumed.Add($"header on {lineWord} {rows[headerAt].Line.ToString(CultureInfo.InvariantCulture)}, the first naming the columns (the rows above it skipped)");
        }

        var columns = new Columns(rows, headerAt, file, options, lineWord);
        var body = rows.Skip(headerAt + 1).ToList();
        var filters = options.Where.Select(w => (Index: columns.Find(w.Key, "--where"), w.Value)).ToArray();
        var kept = body.Where(r => filters.All(f => Cell(r, f.Index) == f.Value)).ToList();

        var decimalComma = decimalCommaAllowed && kept.Any(r => Cell(r, columns.X).Contains(',', StringComparison.Ordinal) || Cell(r, columns.Y).Contains(',', StringComparison.Ordinal));
        if (decimalCommaAllowed)
        {
            assumed.Add(decimalComma ? "decimal comma (numbers like 3,5)" : "decimal point");
        }

        var xs = new List<double>(kept.Count);
        var ys = new List<double>(kept.Count);
        var lines = new List<int>(kept.Count);
        var gaps = new List<int>();
        var errors = new ErrorSink(file);
        var unreported = 0;
        foreach (var row in kept)
        {
            var x = Value(Cell(row, columns.X), decimalComma);
            var y = Value(Cell(row, columns.Y), decimalComma);
            if (x.Number is { } xv && y.Number is { } yv)
            {
                xs.Add(xv);
                ys.Add(yv);
                lines.Add(row.Line);
            }
            else if (x.Problem is null && y.Problem is null)
            {
                gaps.Add(row.Line);
            }
            else if (errors.Errors.Count < MaxReported)
            {
                var (name, cell, problem) = x.Problem is not null ? (columns.XName, Cell(row, columns.X), x.Problem) : (columns.YName, Cell(row, columns.Y), y.Problem!);
                errors.Add($"{lineWord} {row.Line.ToString(CultureInfo.InvariantCulture)}", $"column {name}: \"{Excerpt.Of(cell)}\" {problem}");
            }
            else
            {
                unreported++;
            }
        }

        if (unreported > 0)
        {
            errors.Add(string.Empty, $"and {unreported} more rows with a value that is not a number");
        }

        if (gaps.Count > 0 && !options.DropIncomplete)
        {
            errors.Add(string.Empty, $"{Rows(gaps.Count)} {(gaps.Count == 1 ? "has" : "have")} no value for x or y ({Lines(lineWord, gaps)}: empty, NA, N/A, ?, nan or -); add --drop-incomplete to leave {(gaps.Count == 1 ? "it" : "them")} out");
        }

        errors.ThrowIfAny();
        if (xs.Count == 0)
        {
            throw new ContentException(new LocatedError(file, string.Empty, $"no row is left to play ({Rows(body.Count)} read, {Rows(body.Count - kept.Count)} left out by --where, {Rows(gaps.Count)} with a gap)"));
        }

        return new ImportedTable
        {
            X = [.. xs],
            Y = [.. ys],
            Lines = [.. lines],
            XName = columns.XName,
            YName = columns.YName,
            Where = filters.ToDictionary(f => columns.NameOf(f.Index), f => f.Value, StringComparer.Ordinal),
            RowsRead = body.Count,
            LeftOut = body.Count - kept.Count,
            Dropped = [.. gaps],
            Assumed = assumed,
            LineWord = lineWord,
        };
    }

    /// <summary>"3 rows", "1 row".</summary>
    public static string Rows(int count) => Lessons.Lesson.Count(count, "row");

    /// <summary>"line 4", "lines 3, 6", "rows 2, 5, … and 3 more": line numbers for a message, the first ten when there are over a dozen.</summary>
    public static string Lines(string lineWord, IReadOnlyList<int> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return (lines.Count == 1 ? lineWord + " " : lineWord + "s ") + LineList(lines);
    }

    private static string LineList(IReadOnlyList<int> lines)
    {
        var shown = string.Join(", ", lines.Take(lines.Count > 12 ? 10 : 12).Select(l => l.ToString(CultureInfo.InvariantCulture)));
        return lines.Count > 12 ? $"{shown} and {(lines.Count - 10).ToString(CultureInfo.InvariantCulture)} more" : shown;
    }

    private static List<SourceRow> Bounded(IEnumerable<SourceRow> rows, string file)
    {
        var list = new List<SourceRow>();
        foreach (var row in rows)
        {
            if (list.Count > MaxRows)
            {
                throw new ContentException(new LocatedError(file, $"line {row.Line.ToString(CultureInfo.InvariantCulture)}", $"more than {MaxRows:N0} rows; a level holds at most that many points"));
            }

            list.Add(row);
        }

        return list;
    }

    /// <summary>How many rows may stand above the header (a title, a note, a blank-looking row of spaces).</summary>
    private const int HeaderSearch = 10;

    /// <summary>
    /// The header row: the first non-empty row, unless it lacks a column asked for and one of the next few rows holds
    /// them all (a title or a note above the table, as spreadsheets often have).
    /// </summary>
    private static int HeaderRow(IReadOnlyList<SourceRow> rows, ImportOptions options)
    {
        string[] wanted = [options.X, options.Y, .. options.Where.Keys];
        bool Names(SourceRow row) => wanted.All(name => row.Cells.Any(c => c == name || c.Trim() == name.Trim()));
        if (Names(rows[0]))
        {
            return 0;
        }

        for (var i = 1; i < Math.Min(rows.Count, HeaderSearch); i++)
        {
            if (Names(rows[i]))
            {
                return i;
            }
        }

        return 0;
    }

    private static string Cell(SourceRow row, int index) => index < row.Cells.Count ? row.Cells[index] : string.Empty;

    /// <summary>A cell's number; no number and no problem for a gap; else what is wrong with it.</summary>
    private static (double? Number, string? Problem) Value(string cell, bool decimalComma)
    {
        var text = cell.Trim(' ', '\t', '\u00A0');
        if (GapTexts.Any(g => string.Equals(g, text, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, null);
        }

        if (decimalComma)
        {
            if (text.Contains('.', StringComparison.Ordinal))
            {
                return (null, "holds '.' in a file whose numbers use a decimal comma; expected a number such as 3,5");
            }

            text = text.Replace(',', '.');
        }

        return DecimalText.TryParse(Encoding.UTF8.GetBytes(text), out var value) && double.IsFinite(value)
            ? (value, null)
            : (null, decimalComma || !text.Contains(',', StringComparison.Ordinal)
                ? "is not a number"
                : "is not a number (a decimal comma in a ','-separated file? quote the field or use '.')");
    }

    /// <summary>The columns of x, y and the where filter, found by header name or by number.</summary>
    private sealed class Columns
    {
        private readonly IReadOnlyList<string>? header;
        private readonly IReadOnlyList<SourceRow> rows;
        private readonly string file;
        private readonly ImportOptions options;
        private readonly string lineWord;

        private readonly int headerAt;

        public Columns(IReadOnlyList<SourceRow> rows, int headerAt, string file, ImportOptions options, string lineWord)
        {
            this.rows = rows;
            this.headerAt = Math.Max(0, headerAt);
            this.file = file;
            this.options = options;
            this.lineWord = lineWord;
            header = options.NoHeader ? null : rows[this.headerAt].Cells;
            X = Find(options.X, "--x");
            Y = Find(options.Y, "--y");
            if (X == Y)
            {
                throw new ContentException(new LocatedError(file, string.Empty, $"--x and --y name the same column ({X + 1}); a level plays y against another column"));
            }

            XName = header is null ? "x" : header[X];
            YName = header is null ? "y" : header[Y];
        }

        public int X { get; }

        public int Y { get; }

        public string XName { get; }

        public string YName { get; }

        /// <summary>A column's name in the normalised CSV: its header name, or x, y, columnN without a header.</summary>
        public string NameOf(int index) => index == X ? XName : index == Y ? YName : header?[index] ?? $"column{(index + 1).ToString(CultureInfo.InvariantCulture)}";

        public int Find(string name, string option)
        {
            if (header is null)
            {
                return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
                    ? number - 1
                    : throw new ContentException(new LocatedError(file, string.Empty, $"{option} \"{name}\": with --no-header, name a column by its number from 1 (e.g. --x 1 --y 2)"));
            }

            // An exact match first, then one that ignores spaces around names; two columns of one name are refused.
            for (var pass = 0; pass < 2; pass++)
            {
                var found = Enumerable.Range(0, header.Count).Where(i => pass == 0 ? header[i] == name : header[i].Trim() == name.Trim()).Take(2).ToArray();
                if (found.Length == 2)
                {
                    var line = $"{lineWord} {rows[headerAt].Line.ToString(CultureInfo.InvariantCulture)}";
                    var (first, second) = ((found[0] + 1).ToString(CultureInfo.InvariantCulture), (found[1] + 1).ToString(CultureInfo.InvariantCulture));
                    throw new ContentException(new LocatedError(file, line, $"{option}: the header names two columns \"{Excerpt.Of(name)}\" (columns {first} and {second}); rename one, or add --no-header and name columns by number ({option} {first})"));
                }

                if (found.Length == 1)
                {
                    return found[0];
                }
            }

            var names = string.Join(", ", header.Take(20).Select(h => $"\"{h}\""));
            var where = $"{lineWord} {rows[headerAt].Line.ToString(CultureInfo.InvariantCulture)}";
            var numeric = header.Count > 0 && header.All(h => Value(h, decimalComma: false).Number is not null || Value(h, decimalComma: true).Number is not null);
            var hint = numeric
                ? "; this first row looks like numbers, not names: if the file has no header, add --no-header and name columns by number (--x 1 --y 2)"
                : int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? "; to name columns by number, add --no-header" : string.Empty;
            throw new ContentException(new LocatedError(file, where, $"{option}: no column named \"{name}\" in the header; it has {names}{hint}"));
        }
    }
}
