using System.Globalization;
using System.Text;
using LittleRedDot.Content.Board;

namespace LittleRedDot.Cli;

/// <summary>
/// Prints a leaderboard as a table, CSV, Markdown or JSON. Every line is written as an interpolated line of the
/// <see cref="TerminalWriter"/>, names and titles in its holes: a line feed in a pack title, a rejected file's name or a
/// room's reason is escaped there and cannot forge a row (issue 14).
/// </summary>
public static class BoardFormatter
{
    public static readonly string[] Formats = ["table", "csv", "markdown", "json"];

    public static void Write(TerminalWriter output, BoardSnapshot board, string format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(board);
        switch (format)
        {
            case "csv":
                Csv(output, board);
                break;
            case "markdown":
                Markdown(output, board);
                break;
            case "json":
                output.WriteLine(System.Text.Encoding.UTF8.GetString(BoardJson.ToBytes(board)));
                break;
            default:
                Table(output, board);
                break;
        }
    }

    private static string[] Header(BoardSnapshot board) =>
        ["rank", "player", "score", "stars", "bounces", .. board.LevelIds];

    private static IEnumerable<string[]> Rows(BoardSnapshot board) => board.Players.Select(p => (string[])
    [
        I(p.Rank), p.Player, I(p.Score), I(p.Stars), I(p.Bounces),
        .. board.LevelIds.Select(id => p.Levels.TryGetValue(id, out var s) ? I(s) : "-"),
    ]);

    private static void Table(TerminalWriter output, BoardSnapshot board)
    {
        output.WriteLine($"Leaderboard: {board.PackTitle}");
        var header = Header(board);
        var rows = Rows(board).ToList();
        // Widths in terminal columns as the TerminalWriter prints them: emoji take two, combining marks none, an escape six.
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => TerminalWriter.Columns(r[i])))).ToArray();
        void Line(string[] cells)
        {
            var line = new StringBuilder();
            for (var i = 0; i < cells.Length; i++)
            {
                var pad = new string(' ', Math.Max(0, widths[i] - TerminalWriter.Columns(cells[i])));
                line.Append(i != 1 ? pad + cells[i] : cells[i] + pad);
                line.Append(i + 1 < cells.Length ? "  " : string.Empty);
            }

            output.WriteLine($"{line}");
        }

        Line(header);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in rows)
        {
            Line(row);
        }

        if (rows.Count == 0)
        {
            output.WriteLine("(no verified runs yet)");
        }

        WriteRejected(output, board, "");
    }

    private static void Markdown(TerminalWriter output, BoardSnapshot board)
    {
        output.WriteLine($"## Leaderboard: {MarkdownCell(board.PackTitle)}");
        output.WriteLine();
        var header = Header(board);
        output.WriteLine($"| {string.Join(" | ", header.Select(MarkdownCell))} |");
        output.WriteLine($"|{string.Join("|", header.Select((_, i) => i == 1 ? " --- " : " ---: "))}|");
        foreach (var row in Rows(board))
        {
            output.WriteLine($"| {string.Join(" | ", row.Select(MarkdownCell))} |");
        }

        WriteRejected(output, board, "- ");
    }

    private static void Csv(TerminalWriter output, BoardSnapshot board)
    {
        output.WriteLine($"{string.Join(",", Header(board).Select(CsvCell))}");
        foreach (var row in Rows(board))
        {
            output.WriteLine($"{string.Join(",", row.Select(CsvCell))}");
        }
    }

    /// <summary>
    /// A CSV cell. A name starting with =, +, -, @, a tab or a carriage return runs as a formula when the file is opened
    /// in a spreadsheet: it gets a leading apostrophe, as OWASP's CSV-injection advice says (numbers are written as they
    /// are: none of ours is negative, and "-" alone is the board's "no run"). A cell holding a comma, a quote or a line end is quoted.
    /// </summary>
    public static string CsvCell(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 1 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>
    /// A Markdown table cell that shows its text as written: every character Markdown gives a meaning to (emphasis, links,
    /// code, the cell bar, a backslash before a bar) is backslash-escaped, and &lt;, &gt; and &amp; are written as entities,
    /// so no HTML or link passes through.
    /// </summary>
    public static string MarkdownCell(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '&' => sb.Append("&amp;"),
                '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '(' or ')' or '!' or '#' or '~' => sb.Append('\\').Append(c),
                '\n' or '\r' => sb.Append(' '),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    private static void WriteRejected(TerminalWriter output, BoardSnapshot board, string bullet)
    {
        if (board.Pending > 0)
        {
            output.WriteLine();
            output.WriteLine($"{board.Pending} files still being written (pending)");
        }

        if (board.Rejected.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"Rejected ({board.Rejected.Count}), not counted:");
        foreach (var r in board.Rejected)
        {
            output.WriteLine($"{bullet}{CliContext.Shorten(r.File)}: {r.Reason}");
        }
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
