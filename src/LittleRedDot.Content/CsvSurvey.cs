namespace LittleRedDot.Content;

/// <summary>
/// A first look at a CSV file before it is parsed: its length, its byte-order mark, whether it holds anything but
/// blanks, and how many rows its line ends foretell. It counts bytes and nothing else (a vectorised count of '\n'
/// and '\r' per 1 MiB read), so that the level hash — whose text names the point count before the first point
/// (RULES.md §6) — can be made while the rows are parsed, in one pass.
/// </summary>
internal readonly record struct CsvSurvey(long Length, int Start, bool Utf16, bool Blank, int Rows)
{
    /// <exception cref="IOException">The stream cannot be read, or holds more than <paramref name="maxBytes"/>.</exception>
    public static CsvSurvey Take(Stream csv, long maxBytes)
    {
        var buffer = new byte[CsvColumns.PieceBytes];
        long total = 0, newlines = 0, returns = 0;
        var start = 0;
        var utf16 = false;
        var blank = true;
        byte last = 0;
        int read;
        while ((read = csv.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
        {
            var data = buffer.AsSpan(0, read);
            if (total == 0)
            {
                start = data.StartsWith("\uFEFF"u8) ? 3 : 0;
                var text = data[start..];
                utf16 = text.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || text.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
                data = text;
            }

            total += read;
            if (total > maxBytes)
            {
                throw new IOException($"it does not end where its size says (is it a device?) or holds more than {maxBytes:N0} bytes");
            }

            blank = blank && data.IndexOfAnyExcept(" \t\r\n"u8) < 0;
            newlines += data.Count((byte)'\n');
            returns += data.Count((byte)'\r');
            last = data.IsEmpty ? last : data[^1];
        }

        // One row per line after the header (a CR-only file counts '\r', a CRLF file counts each line once).
        var lines = Math.Max(newlines, returns) + (last is (byte)'\n' or (byte)'\r' ? 0 : 1);
        var rows = (int)Math.Clamp(lines - 1, 0, int.MaxValue);
        return new CsvSurvey(total, start, utf16, blank, rows);
    }
}
