using System.Globalization;
using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Theming;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// The leaderboard screen (issue 6): the selected pack's players ranked by their verified runs in the runs
/// folder, refreshed every <see cref="BoardModel.RefreshInterval"/> so a projector shows the room live, the
/// level columns named in a legend, and every rejected file with its reason. Esc goes back to the level list.
/// </summary>
public sealed class BoardScreen : GameView
{
    private readonly BoardModel model;
    private readonly Action back;
    private readonly Action chooseRunsFolder;
    private readonly CellCanvas canvas = new();
    private object? timer;
    private int scroll;
    private int firstLevel;
    private int bodyRows;
    private int documentRows;
    private int levelsShown;

    public BoardScreen(Theme theme, BoardModel model, Action back, Action chooseRunsFolder)
        : base(theme)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(back);
        ArgumentNullException.ThrowIfNull(chooseRunsFolder);
        this.model = model;
        this.back = back;
        this.chooseRunsFolder = chooseRunsFolder;
        CanFocus = true;
        Width = Dim.Fill();
        Height = Dim.Fill();
    }

    public BoardModel Model => model;

    /// <summary>Reads the board now and then every <see cref="BoardModel.RefreshInterval"/> until the screen closes.</summary>
    public void StartRefreshing()
    {
        model.LogOpened();
        RefreshNow();
        if (timer is null && App is not null)
        {
            timer = App.AddTimeout(BoardModel.RefreshInterval, () =>
            {
                RefreshNow();
                return true;
            });
        }
    }

    /// <summary>Reads the runs folder again and redraws (after R chose another folder, and on every tick).</summary>
    public void RefreshNow()
    {
        model.Refresh();
        SetNeedsDraw();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && timer is not null)
        {
            App?.RemoveTimeout(timer);
            timer = null;
        }

        base.Dispose(disposing);
    }

    protected override bool OnKeyDown(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key == Key.Esc)
        {
            back();
            return true;
        }

        var page = Math.Max(1, bodyRows - 1);
        int? to = key == Key.CursorDown ? scroll + 1
            : key == Key.CursorUp ? scroll - 1
            : key == Key.PageDown ? scroll + page
            : key == Key.PageUp ? scroll - page
            : key == Key.Home ? 0
            : key == Key.End ? documentRows
            : null;
        if (to is { } target)
        {
            scroll = Math.Clamp(target, 0, Math.Max(0, documentRows - bodyRows));
            SetNeedsDraw();
            return true;
        }

        if (key == Key.CursorLeft || key == Key.CursorRight)
        {
            var step = Math.Max(1, levelsShown);
            firstLevel = Math.Clamp(firstLevel + (key == Key.CursorLeft ? -step : step), 0, Math.Max(0, model.LevelIds.Count - 1));
            SetNeedsDraw();
            return true;
        }

        if (KeyChar.Of(key) == 'r')
        {
            chooseRunsFolder();
            return true;
        }

        return base.OnKeyDown(key);
    }

    protected override void Draw(int width, int height)
    {
        var g = Glyphs;
        canvas.Reset(width, height);
        var updated = model.UpdatedAt is { } at ? $"updated {at.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} " : string.Empty;
        canvas.Text(1, 0, g.Dot.ToString(), Ink.Dot);
        var title = new StyledLine(" The Little Red Dot", Ink.Title).Add("  ·  Leaderboard › ", Ink.Dim).Add(model.PackTitle, Ink.Title);
        canvas.Segments(2, 0, Math.Max(0, width - 3 - updated.Length), title.Segments.Select(s => (s.Text, s.Ink)));
        canvas.Text(Math.Max(0, width - updated.Length), 0, updated, Ink.Dim);
        var source = model.RoundNote is { } note ? $"{model.Source} · {note}" : model.Source;
        canvas.Text(1, 1, CellCanvas.Fit(source, width - 2, g.Ellipsis), Ink.Dim);

        var boxTop = 2;
        var boxHeight = Math.Max(3, height - boxTop - 2);
        var inner = Math.Max(1, width - 4);
        var snapshot = model.Snapshot;
        var table = snapshot is null ? null : new BoardTable(snapshot, inner, firstLevel, g);
        firstLevel = table?.FirstLevel ?? 0;
        levelsShown = table?.Shown ?? 0;
        var boxTitle = snapshot is null ? "Players" : $"Players ({snapshot.Players.Count})";
        canvas.Box(0, boxTop, width, boxHeight, boxTitle, g);

        var top = boxTop + 1;
        var rows = boxHeight - 2;
        if (table is not null)
        {
            canvas.Segments(2, top, inner, table.Header().Segments.Select(s => (s.Text, s.Ink)));
            top++;
            rows--;
        }

        var document = Document(table, inner);
        bodyRows = Math.Max(1, rows);
        documentRows = document.Count;
        scroll = Math.Clamp(scroll, 0, Math.Max(0, documentRows - bodyRows));
        for (var i = 0; i < rows && i + scroll < document.Count; i++)
        {
            canvas.Segments(2, top + i, inner, document[i + scroll].Segments.Select(s => (s.Text, s.Ink)));
        }

        var rejectedOutOfView = scroll < documentRows - bodyRows;
        canvas.Text(1, height - 2, CellCanvas.Fit(Status(table, rejectedOutOfView), width - 2, g.Ellipsis), Ink.Warn);
        Blit(canvas);

        var keys = new StyledLine(" ").Key("Esc", "back").Key("R", "runs/room").Key(g.Unicode ? "↑↓" : "Up/Dn", "scroll");
        if (table is { Clipped: true })
        {
            keys.Key(g.Unicode ? "←→" : "Lt/Rt", "levels");
        }

        keys.Key("F1", "help");
        WriteLines(0, height - 1, width, 1, [keys]);
    }

    /// <summary>What scrolls under the table's header: the players, the legend of the level columns, the rejected files.</summary>
    private List<StyledLine> Document(BoardTable? table, int width)
    {
        var lines = new List<StyledLine>();
        if (model.Problem is { } problem || table is null)
        {
            lines.AddRange(RichText.Plain(model.Problem ?? string.Empty, Ink.Warn).Lines(width));
            return lines;
        }

        var players = table.Rows(model.Player);
        lines.AddRange(players.Count > 0 ? players : [new StyledLine("No verified runs yet: runs saved into the folder appear here within seconds.", Ink.Dim)]);

        if (model.LevelIds.Count > 0)
        {
            // Each entry is kept on one line (no-break spaces inside it); the lines break between entries.
            var legend = new List<Segment>();
            for (var i = 0; i < model.LevelTitles.Count; i++)
            {
                if (i > 0)
                {
                    legend.Add(new Segment(" · ", Ink.Dim));
                }

                legend.Add(new Segment(BoardTable.LevelHeading(i), Ink.Key));
                legend.Add(new Segment(("\u00A0" + model.LevelTitles[i]).Replace(' ', '\u00A0'), Ink.Dim));
            }

            lines.Add(new StyledLine());
            lines.AddRange(new RichText([new RichBlock(legend)]).Lines(width));
        }

        var rejected = table.Board.Rejected;
        if (rejected.Count > 0)
        {
            lines.Add(new StyledLine());
            lines.Add(new StyledLine($"Rejected — never counted ({rejected.Count}):", Ink.Warn));
            var folder = model.RunsFolder ?? string.Empty;
            var blocks = rejected.Select(r => new RichBlock(
                [new Segment(Content.TextSafety.Escape(Relative(folder, r.File)), Ink.Normal), new Segment(": " + Content.TextSafety.Escape(r.Reason), Ink.Dim)],
                Glyphs.Unicode ? "✗ " : "x ",
                2));
            lines.AddRange(new RichText(blocks.ToArray()).Lines(width));
        }

        return lines;
    }

    private string Status(BoardTable? table, bool rejectedOutOfView)
    {
        var parts = new List<string>();
        if (rejectedOutOfView && model.Snapshot is { Rejected.Count: > 0 } r)
        {
            // The rejected files come last; a facilitator must not miss them below the fold.
            parts.Add($"{r.Rejected.Count} {(r.Rejected.Count == 1 ? "file" : "files")} rejected: End shows why");
        }

        if (model.Snapshot is { Pending: > 0 } s)
        {
            parts.Add(s.Pending == 1 ? "1 file is still being written (pending)" : $"{s.Pending} files are still being written (pending)");
        }

        if (table is { Clipped: true })
        {
            parts.Add($"levels {BoardTable.LevelHeading(table.FirstLevel)}–{BoardTable.LevelHeading(table.FirstLevel + table.Shown - 1)} of {table.Total} shown: ←→ for the others");
        }

        return string.Join(" · ", parts);
    }

    /// <summary>A rejected file's path as the room knows it: relative to the runs folder when inside it.</summary>
    private static string Relative(string folder, string file)
    {
        if (folder.Length == 0)
        {
            return file;
        }

        var relative = Path.GetRelativePath(folder, file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? file : relative;
    }
}
