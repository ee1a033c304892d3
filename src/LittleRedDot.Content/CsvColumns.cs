using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace LittleRedDot.Content;

/// <summary>
/// Reads two numeric columns of a CSV file (RULES.md §6) straight from its bytes: RFC 4180 quoting,
/// ',' separator, '.' decimal mark, spaces around a number allowed, a header row, lines numbered from 1.
/// The file is read in pieces through one bounded buffer (<see cref="CsvPieces"/>), never held whole; no string is
/// made per line or per number; rows a <c>where</c> filter leaves out are never parsed. Each point goes to a
/// <see cref="PlayedPoints"/> as it is parsed, which keeps it and hashes it in the same pass.
/// </summary>
public static class CsvColumns
{
    /// <summary>The largest CSV file read (RULES.md §6): 256 MiB.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>The buffer a CSV file is read through, in bytes (1 MiB).</summary>
    public const int PieceBytes = 1 << 20;

    private const int MaxReported = 10;

    /// <summary>Reads the columns from bytes in memory: the points as written, in data order.</summary>
    /// <exception cref="ContentException">As <see cref="Read(Stream, long, string, string, string, IReadOnlyDictionary{string, string}, PlayedPoints, int)"/>.</exception>
    public static (double[] X, double[] Y) Read(
        ReadOnlySpan<byte> bytes, string file, string xColumn, string yColumn, IReadOnlyDictionary<string, string> where)
    {
        using var points = new PlayedPoints();
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        Read(stream, bytes.Length, file, xColumn, yColumn, where, points);
        return points.ToArrays();
    }

    /// <summary>
    /// Reads the columns from a seekable stream of at most <paramref name="maxBytes"/> bytes and gives each row kept,
    /// in data order, to <paramref name="points"/>: first <see cref="PlayedPoints.Expect"/> with the rows the line ends
    /// foretell (a quick first look at the bytes, counting line ends only), then one <see cref="PlayedPoints.Add"/> per row.
    /// </summary>
    /// <exception cref="ContentException">A missing column, a missing or non-numeric value (with its line), bad quoting.</exception>
    /// <exception cref="IOException">The stream cannot be read, or holds more than <paramref name="maxBytes"/>.</exception>
    /// <remarks><paramref name="pieceBytes"/> is the buffer's first size (a record longer than it grows it): the
    /// default suits every file; the tests make it small to cut records at every byte.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Read(
        Stream csv, long maxBytes, string file, string xColumn, string yColumn, IReadOnlyDictionary<string, string> where, PlayedPoints points, int pieceBytes = PieceBytes)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(points);
        var errors = new ErrorSink(file);
        var survey = CsvSurvey.Take(csv, maxBytes);
        if (survey.Utf16)
        {
            errors.Add("line 1", $"starts with a UTF-16 byte-order mark (a spreadsheet's \"Unicode text\"); a level's CSV is UTF-8. {ImportHint}");
            errors.ThrowIfAny();
        }

        if (survey.Blank)
        {
            errors.Add("line 1", "the file is empty; expected a header row naming the columns");
            errors.ThrowIfAny();
        }

        csv.Position = survey.Start;
        var pieces = new CsvPieces(csv, survey.Length - survey.Start, pieceBytes);
        var header = ReadHeader(pieces, errors);
        var headerLine = 1;
        errors.ThrowIfAny();

        var wanted = new[] { xColumn, yColumn }.Concat(where.Keys).ToArray();
        if (wanted.Any(name => !header.Contains(name)) && Misread(header) is { } cause)
        {
            var names = string.Join(", ", wanted.Where(name => !header.Contains(name)).Select(name => $"\"{name}\""));
            errors.Add($"line {headerLine.ToString(CultureInfo.InvariantCulture)}", $"no column {names} in the header: {cause}. {ImportHint}");
            errors.ThrowIfAny();
        }

        var xIndex = Column(header, xColumn, errors, headerLine);
        var yIndex = Column(header, yColumn, errors, headerLine);
        var filters = where.Select(w => (Index: Column(header, w.Key, errors, headerLine), Text: Encoding.UTF8.GetBytes(w.Value))).ToArray();
        errors.ThrowIfAny();

        var needed = Math.Max(xIndex, yIndex);
        foreach (var f in filters)
        {
            needed = Math.Max(needed, f.Index);
        }

        // Start and length of each field this reader needs in the current record (-1: absent).
        var starts = new int[needed + 1];
        var lengths = new int[needed + 1];
        var quotes = new bool[needed + 1];
        var reported = 0;
        var skippedReports = 0;
        points.Expect(survey.Rows);

        var stopped = false;
        while (!stopped && pieces.Next())
        {
            var bytes = pieces.Piece;
            var tokenizer = new CsvTokenizer(bytes, pieces.Line, pieces.IsLast);
            var recordStart = 0;
            var line = pieces.Line;
            while (!tokenizer.AtEnd)
            {
                recordStart = tokenizer.Consumed;
                line = tokenizer.Line;
                if (tokenizer.SkipBlankLine())
                {
                    continue;
                }

                if (filters.Length == 0 && tokenizer.TryPlainRecord(header.Count, xIndex, yIndex, out var plainX, out var plainY))
                {
                    points.Add(plainX, plainY);
                    continue;
                }

                starts.AsSpan().Fill(-1);
                var index = 0;
                var errorsBefore = errors.Errors.Count;
                while (tokenizer.NextField(out var field, out var quoted, out var endOfRecord, errors))
                {
                    if (index <= needed)
                    {
                        starts[index] = tokenizer.LastStart;
                        lengths[index] = field.Length;
                        quotes[index] = quoted;
                    }

                    index++;
                    if (endOfRecord)
                    {
                        break;
                    }
                }

                // Only a quoting error in this record stops the reading; bad values are listed (up to MaxReported).
                if (tokenizer.Incomplete || errors.Errors.Count > errorsBefore)
                {
                    stopped = !tokenizer.Incomplete;
                    break;
                }

                var kept = true;
                foreach (var (fi, text) in filters)
                {
                    if (starts[fi] < 0 || !Unquote(bytes.Slice(starts[fi], lengths[fi]), quotes[fi]).SequenceEqual(text))
                    {
                        kept = false;
                        break;
                    }
                }

                if (!kept)
                {
                    continue;
                }

                // More fields than the header names is how a ',' decimal mark or an unquoted comma shows.
                if (index > header.Count)
                {
                    if (reported < MaxReported)
                    {
                        errors.Add($"line {line.ToString(CultureInfo.InvariantCulture)}", $"{index} fields but the header names {header.Count}; quote a field that holds ',' and use '.' as the decimal mark");
                        reported++;
                    }
                    else
                    {
                        skippedReports++;
                    }

                    continue;
                }

                var x = Number(bytes, starts[xIndex], lengths[xIndex], quotes[xIndex]);
                var y = Number(bytes, starts[yIndex], lengths[yIndex], quotes[yIndex]);
                if (x is { } xv && y is { } yv)
                {
                    points.Add(xv, yv);
                    continue;
                }

                if (reported < MaxReported)
                {
                    var column = x is null ? xColumn : yColumn;
                    var colIndex = x is null ? xIndex : yIndex;
                    var what = starts[colIndex] < 0 || lengths[colIndex] == 0
                        ? "is missing"
                        : $"is not a finite number (\"{Encoding.UTF8.GetString(Clip(Unquote(bytes.Slice(starts[colIndex], lengths[colIndex]), quotes[colIndex])))}\")";
                    errors.Add($"line {line.ToString(CultureInfo.InvariantCulture)}", $"column \"{column}\" {what}; expected a number with '.' as the decimal mark");
                    reported++;
                }
                else
                {
                    skippedReports++;
                }
            }

            // A record cut by the piece's end is read again, whole, from the next piece.
            if (tokenizer.Incomplete)
            {
                pieces.Consume(recordStart, line);
            }
            else
            {
                pieces.Consume(tokenizer.Consumed, tokenizer.Line);
            }
        }

        if (skippedReports > 0)
        {
            errors.Add(string.Empty, $"and {skippedReports} more rows with a missing or non-numeric value or too many fields");
        }

        errors.ThrowIfAny();
    }

    /// <summary>The header row's names (line 1), read again with more bytes while a quoted name runs past a piece.</summary>
    private static List<string> ReadHeader(CsvPieces pieces, ErrorSink errors)
    {
        var header = new List<string>();
        while (pieces.Next())
        {
            header.Clear();
            var tokenizer = new CsvTokenizer(pieces.Piece, pieces.Line, pieces.IsLast);
            while (tokenizer.NextField(out var field, out var quoted, out var endOfRecord, errors))
            {
                header.Add(Encoding.UTF8.GetString(Unquote(field, quoted)));
                if (endOfRecord)
                {
                    break;
                }
            }

            if (!tokenizer.Incomplete)
            {
                pieces.Consume(tokenizer.Consumed, tokenizer.Line);
                break;
            }
        }

        return header;
    }

    /// <summary>Where the strict dialect ends: files in other shapes are for the importer.</summary>
    private const string ImportHint = "The level reader takes only ',' with '.', UTF-8 and a header row (RULES.md §6); make a level from this file with: littlereddot new-level --from FILE --x COL --y COL";

    /// <summary>The likely cause when a header names none of the wanted columns: another delimiter, or no header at all.</summary>
    private static string? Misread(List<string> header)
    {
        var text = string.Join(",", header);
        if (text.Contains(';', StringComparison.Ordinal))
        {
            return "it holds ';', so the file is likely ';'-separated (as a spreadsheet writes CSV where the decimal mark is a comma)";
        }

        if (text.Contains('\t', StringComparison.Ordinal))
        {
            return "it holds tabs, so the file is likely tab-separated";
        }

        return header.All(h => DecimalText.TryParse(Encoding.UTF8.GetBytes(h.Trim(' ', '\t')), out _))
            ? "the first row holds numbers, not names, so the file likely has no header row (new-level --from takes --no-header)"
            : null;
    }

    private static int Column(List<string> header, string name, ErrorSink errors, int line)
    {
        var index = header.IndexOf(name);
        if (index < 0)
        {
            var names = string.Join(", ", header.Take(20).Select(h => $"\"{h}\""));
            errors.Add($"line {line.ToString(CultureInfo.InvariantCulture)}", $"no column named \"{name}\" in the header; it has {names}");
        }
        else if (header.LastIndexOf(name) is var again && again != index)
        {
            // Which of the two is meant cannot be known: refused, never the first taken silently.
            errors.Add($"line {line.ToString(CultureInfo.InvariantCulture)}", $"the header names two columns \"{name}\" (columns {(index + 1).ToString(CultureInfo.InvariantCulture)} and {(again + 1).ToString(CultureInfo.InvariantCulture)}); a column the level reads must be named once");
            return -1;
        }

        return index;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double? Number(ReadOnlySpan<byte> bytes, int start, int length, bool quoted)
    {
        if (start < 0)
        {
            return null;
        }

        var text = TrimSpaces(Unquote(bytes.Slice(start, length), quoted));
        if (text.IsEmpty)
        {
            return null;
        }

        return DecimalText.TryParse(text, out var value) && double.IsFinite(value) ? value : null;
    }

    /// <summary>Spaces and tabs around a number are allowed (RULES.md §6). A loop of our own: see <see cref="DecimalText"/> on tiering.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<byte> TrimSpaces(ReadOnlySpan<byte> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && text[start] is (byte)' ' or (byte)'\t')
        {
            start++;
        }

        while (end > start && text[end - 1] is (byte)' ' or (byte)'\t')
        {
            end--;
        }

        return text[start..end];
    }

    private static ReadOnlySpan<byte> Clip(ReadOnlySpan<byte> text) => text.Length <= 40 ? text : text[..40];

    /// <summary>A quoted field's content with its doubled quotes made single.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> field, bool quoted)
    {
        if (!quoted || field.IndexOf("\"\""u8) < 0)
        {
            return field;
        }

        var result = new byte[field.Length];
        var n = 0;
        for (var i = 0; i < field.Length; i++)
        {
            result[n++] = field[i];
            if (field[i] == (byte)'"')
            {
                i++;
            }
        }

        return result.AsSpan(0, n);
    }
}
