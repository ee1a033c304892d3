using System.Globalization;
using System.Text;
using LittleRedDot.Content;
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
        I(p.Rank), TextSafety.Escape(p.Player), I(p.Score), I(p.Stars), I(p.Bounces),
        .. board.LevelIds.Select(id => p.Levels.TryGetValue(id, out var s) ? I(s) : "-"),
    ]);

    private static string Table(BoardSnapshot board)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Leaderboard: {TextSafety.Escape(board.PackTitle)}");
        var header = Header(board);
        var rows = Rows(board).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        void Line(string[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                var right = i != 1;
                sb.Append(right ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
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
        static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"## Leaderboard: {Cell(TextSafety.Escape(board.PackTitle))}").AppendLine();
        var header = Header(board);
        sb.AppendLine("| " + string.Join(" | ", header.Select(Cell)) + " |");
        sb.AppendLine("|" + string.Join("|", header.Select((_, i) => i == 1 ? " --- " : " ---: ")) + "|");
        foreach (var row in Rows(board))
        {
            sb.AppendLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
        }

        AppendRejected(sb, board, "- ");
        return sb.ToString();
    }

    private static string Csv(BoardSnapshot board)
    {
        static string Cell(string text) =>
            text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(",", Header(board).Select(Cell)));
        foreach (var row in Rows(board))
        {
            sb.AppendLine(string.Join(",", row.Select(Cell)));
        }

        return sb.ToString();
    }

    private static string Json(BoardSnapshot board) =>
        JsonNumbers.TerminalText(BoardJson.ToBytes(board)) + Environment.NewLine;

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
            sb.AppendLine(CultureInfo.InvariantCulture, $"{bullet}{TextSafety.Escape(CliContext.Shorten(r.File))}: {TextSafety.Escape(r.Reason)}");
        }
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
