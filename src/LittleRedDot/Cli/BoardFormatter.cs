using System.Globalization;
using System.Text;
using LittleRedDot.Content.Board;

namespace LittleRedDot.Cli;

/// <summary>Prints a leaderboard as a table, CSV, Markdown or JSON. Every name is made safe for a terminal first.</summary>
public static class BoardFormatter
{
    public static readonly string[] Formats = ["table", "csv", "markdown", "json"];

    public static string Format(BoardSnapshot board, string format)
    {
        ArgumentNullException.ThrowIfNull(board);
        return format switch
        {
            "csv" => Csv(board),
            "markdown" => Markdown(board),
            "json" => Json(board),
            _ => Table(board),
        };
    }

    private static string[] Header(BoardSnapshot board) =>
        ["rank", "player", "score", "stars", "bounces", .. board.LevelIds];

    private static IEnumerable<string[]> Rows(BoardSnapshot board) => board.Players.Select(p => (string[])
    [
        I(p.Rank), p.Player, I(p.Score), I(p.Stars), I(p.Bounces),
        .. board.LevelIds.Select(id => p.Levels.TryGetValue(id, out var s) ? I(s) : "-"),
    ]);

    private static string Table(BoardSnapshot board)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Leaderboard: {board.PackTitle}");
        var header = Header(board);
        var rows = Rows(board).ToList();
        // Widths in terminal columns as the TerminalWriter prints them: emoji take two, combining marks none, an escape six.
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => TerminalWriter.Columns(r[i])))).ToArray();
        void Line(string[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                var pad = new string(' ', Math.Max(0, widths[i] - TerminalWriter.Columns(cells[i])));
                sb.Append(i != 1 ? pad + cells[i] : cells[i] + pad);
                sb.Append(i + 1 < cells.Length ? "  " : string.Empty);
            }

            sb.AppendLine();
        }

        Line(header);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in rows)
        {
            Line(row);
        }

        if (rows.Count == 0)
        {
            sb.AppendLine("(no verified runs yet)");
        }

        AppendRejected(sb, board, "");
        return sb.ToString();
    }

    private static string Markdown(BoardSnapshot board)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"## Leaderboard: {MarkdownCell(board.PackTitle)}").AppendLine();
        var header = Header(board);
        sb.AppendLine("| " + string.Join(" | ", header.Select(MarkdownCell)) + " |");
        sb.AppendLine("|" + string.Join("|", header.Select((_, i) => i == 1 ? " --- " : " ---: ")) + "|");
        foreach (var row in Rows(board))
        {
            sb.AppendLine("| " + string.Join(" | ", row.Select(MarkdownCell)) + " |");
        }

        AppendRejected(sb, board, "- ");
        return sb.ToString();
    }

    private static string Csv(BoardSnapshot board)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(",", Header(board).Select(CsvCell)));
        foreach (var row in Rows(board))
        {
            sb.AppendLine(string.Join(",", row.Select(CsvCell)));
        }

        return sb.ToString();
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

    private static string Json(BoardSnapshot board) =>
        System.Text.Encoding.UTF8.GetString(BoardJson.ToBytes(board)) + Environment.NewLine;

    private static void AppendRejected(StringBuilder sb, BoardSnapshot board, string bullet)
    {
        if (board.Pending > 0)
        {
            sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{board.Pending} files still being written (pending)");
        }

        if (board.Rejected.Count == 0)
        {
            return;
        }

        sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Rejected ({board.Rejected.Count}), not counted:");
        foreach (var r in board.Rejected)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{bullet}{CliContext.Shorten(r.File)}: {r.Reason}");
        }
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
