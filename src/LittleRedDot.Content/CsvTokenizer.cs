using System.Runtime.CompilerServices;

namespace LittleRedDot.Content;

/// <summary>
/// Splits bytes into RFC 4180 fields; a quoted field is returned without its outer quotes. The bytes are a piece of
/// a file (<see cref="CsvPieces"/>) starting at a record and at line <paramref name="line"/>; unless it is the
/// <paramref name="last"/> piece, it ends with a line end, and a quoted field still open at its end is not an error
/// but <see cref="Incomplete"/>.
/// </summary>
internal ref struct CsvTokenizer(ReadOnlySpan<byte> bytes, int line, bool last)
{
    private readonly ReadOnlySpan<byte> bytes = bytes;
    private readonly bool last = last;
    private int pos;

    public int Line { get; private set; } = line;

    public int LastStart { get; private set; }

    public readonly bool AtEnd => pos >= bytes.Length;

    /// <summary>How many bytes of the piece the records read so far took.</summary>
    public readonly int Consumed => Math.Min(pos, bytes.Length);

    /// <summary>A quoted field ran past the end of a piece that is not the file's last: the record needs more bytes.</summary>
    public bool Incomplete { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool SkipBlankLine()
    {
        if (bytes[pos] == (byte)'\n')
        {
            pos++;
            Line++;
            return true;
        }

        if (bytes[pos] == (byte)'\r')
        {
            pos += pos + 1 < bytes.Length && bytes[pos + 1] == (byte)'\n' ? 2 : 1;
            Line++;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The common record in one pass over its bytes: exactly <paramref name="fields"/> unquoted fields ending the
    /// line, the x and y fields plain decimals (<see cref="DecimalText.TryParsePlain"/>) with nothing around them.
    /// Anything else leaves the position where it was and returns false, and <see cref="NextField"/> reads the
    /// record: the two ways give the same values, line numbers and position.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryPlainRecord(int fields, int xIndex, int yIndex, out double x, out double y)
    {
        x = 0;
        y = 0;
        var all = bytes;
        var p = pos;
        for (var f = 0; f < fields; f++)
        {
            if (f == xIndex || f == yIndex)
            {
                if (!DecimalText.TryParsePlain(all, ref p, out var value))
                {
                    return false;
                }

                x = f == xIndex ? value : x;
                y = f == yIndex ? value : y;
            }
            else
            {
                while ((uint)p < (uint)all.Length && all[p] is not ((byte)',' or (byte)'\n' or (byte)'\r' or (byte)'"'))
                {
                    p++;
                }
            }

            var last = f == fields - 1;
            if ((uint)p >= (uint)all.Length)
            {
                if (!last)
                {
                    return false;
                }

                pos = all.Length + 1; // the last record ends with the file
                return true;
            }

            var next = all[p];
            if (!last)
            {
                if (next != (byte)',')
                {
                    return false;
                }

                p++;
                continue;
            }

            if (next == (byte)'\n')
            {
                p++;
            }
            else if (next == (byte)'\r')
            {
                p += p + 1 < all.Length && all[p + 1] == (byte)'\n' ? 2 : 1;
            }
            else
            {
                return false;
            }
        }

        pos = p;
        Line++;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool NextField(out ReadOnlySpan<byte> field, out bool quoted, out bool endOfRecord, ErrorSink errors)
    {
        field = default;
        quoted = false;
        endOfRecord = true;
        if (pos > bytes.Length)
        {
            return false;
        }

        if (pos < bytes.Length && bytes[pos] == (byte)'"')
        {
            quoted = true;
            var startLine = Line;
            var start = ++pos;
            while (true)
            {
                var next = bytes[pos..].IndexOfAny((byte)'"', (byte)'\n', (byte)'\r');

                // A '\r' that ends what has been read may be the first half of "\r\n": more bytes will tell.
                if ((next < 0 || (bytes[pos + next] == (byte)'\r' && pos + next + 1 == bytes.Length)) && !last)
                {
                    Incomplete = true;
                    return false;
                }

                if (next < 0)
                {
                    errors.Add($"line {startLine}", "a quoted field is never closed; expected a closing '\"'");
                    pos = bytes.Length + 1;
                    return false;
                }

                pos += next;
                if (bytes[pos] is (byte)'\n' or (byte)'\r')
                {
                    // A line break inside the quotes, in any of the three line ends the file may use (a CR-only file's
                    // lines were miscounted after one, attacker round 4): "\r\n" is one.
                    Line++;
                    pos += bytes[pos] == (byte)'\r' && pos + 1 < bytes.Length && bytes[pos + 1] == (byte)'\n' ? 2 : 1;
                    continue;
                }

                if (pos + 1 < bytes.Length && bytes[pos + 1] == (byte)'"')
                {
                    pos += 2;
                    continue;
                }

                break;
            }

            LastStart = start;
            field = bytes[start..pos];
            pos++; // the closing quote
            if (pos < bytes.Length && bytes[pos] is not ((byte)',' or (byte)'\n' or (byte)'\r'))
            {
                errors.Add($"line {Line}", "unexpected text after a closing quote; expected ',' or the end of the line");
                pos = bytes.Length + 1;
                return false;
            }
        }
        else
        {
            // Fields are short: a plain loop on locals (not on this struct's fields, which the JIT
            // would load and store every byte) beats a vectorised search's setup here.
            var all = bytes;
            var start = pos;
            var end = start;
            while ((uint)end < (uint)all.Length && all[end] is not ((byte)',' or (byte)'\n' or (byte)'\r'))
            {
                end++;
            }

            pos = end;
            LastStart = start;
            field = all[start..end];
        }

        if (pos >= bytes.Length)
        {
            pos = bytes.Length + 1; // the last record ends with the file
            return true;
        }

        if (bytes[pos] == (byte)',')
        {
            pos++;
            endOfRecord = false;
            return true;
        }

        pos += bytes[pos] == (byte)'\r' && pos + 1 < bytes.Length && bytes[pos + 1] == (byte)'\n' ? 2 : 1;
        Line++;
        if (pos == bytes.Length)
        {
            pos = bytes.Length; // a final line end closes the file
        }

        return true;
    }
}
