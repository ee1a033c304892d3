namespace LittleRedDot.Content;

/// <summary>
/// A CSV file read in pieces through one bounded buffer (1 MiB, grown only for a record longer than that): each
/// piece runs from the first record not yet consumed to the last line end read so far, so the tokenizer never sees
/// a record cut in two — except one whose quoted field holds a line break past the piece, which it hands back
/// (<see cref="CsvTokenizer.Incomplete"/>) to be read again with more bytes. The last piece runs to the end of the file.
/// </summary>
internal sealed class CsvPieces(Stream stream, long length, int pieceBytes)
{
    private byte[] buffer = new byte[(int)Math.Clamp(length, 1, pieceBytes)];
    private int start;
    private int end;
    private int cut;
    private long unread = length;

    /// <summary>The file's line number (from 1) where the current piece starts.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>From the first unconsumed record to the last whole line read (to the end of the file in the last piece).</summary>
    public ReadOnlySpan<byte> Piece => buffer.AsSpan(start, cut - start);

    /// <summary>Whether the current piece ends the file.</summary>
    public bool IsLast => unread == 0;

    /// <summary>Marks the first <paramref name="count"/> bytes of the piece as read; <paramref name="line"/> is the line after them.</summary>
    public void Consume(int count, int line)
    {
        start += count;
        Line = line;
    }

    /// <summary>Moves to the next piece: what was not consumed, then more of the file. False when the file is done.</summary>
    public bool Next()
    {
        if (unread == 0 && start >= end)
        {
            return false;
        }

        do
        {
            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }
            else if (end == buffer.Length)
            {
                // Nothing consumed and the buffer full: one record (a quoted field with line breaks) outgrew it.
                Array.Resize(ref buffer, (int)Math.Min(Array.MaxLength, buffer.Length * 2L));
            }

            while (end < buffer.Length && unread > 0)
            {
                var read = stream.Read(buffer, end, (int)Math.Min(buffer.Length - end, unread));
                if (read == 0)
                {
                    unread = 0; // the file shrank since it was surveyed: what was read is all there is
                    break;
                }

                end += read;
                unread -= read;
            }

            cut = unread == 0 ? end : Cut();
        }
        while (cut < 0);

        return true;
    }

    /// <summary>
    /// Just past the last line end that more bytes cannot change: a '\r' as the last byte read may be the first half
    /// of "\r\n", so it does not end a piece. −1 when no such line end has been read yet.
    /// </summary>
    private int Cut()
    {
        var data = buffer.AsSpan(start, end - start);
        var last = data.LastIndexOfAny((byte)'\n', (byte)'\r');
        if (last == data.Length - 1 && data[last] == (byte)'\r')
        {
            last = data[..last].LastIndexOfAny((byte)'\n', (byte)'\r');
        }

        return last < 0 ? -1 : start + last + 1;
    }
}
