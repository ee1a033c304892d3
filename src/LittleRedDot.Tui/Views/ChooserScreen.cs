using System.Drawing;
using LittleRedDot.Content;
using LittleRedDot.Content.Lessons;
using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Theming;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// The title screen: "The Little Red Dot", the packs, and the selected pack's levels with the player's
/// stars and best score on each. Enter plays the selected level.
/// </summary>
public sealed class ChooserScreen : GameView
{
    private readonly ChooserModel model;
    private readonly GameServices services;
    private readonly IChooserHost host;
    private bool quitArmed;
    private readonly List<string> notices = [];
    private int levelScroll;
    private Rectangle levelRows;
    private int levelListOffset;
    private Rectangle packRows;

    public ChooserScreen(Theme theme, ChooserModel model, GameServices services, IChooserHost host)
        : base(theme)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(host);
        this.model = model;
        this.services = services;
        this.host = host;
        CanFocus = true;
        Width = Dim.Fill();
        Height = Dim.Fill();
        MouseEvent += OnMouse;
    }

    private const string QuitNotice = "Press Esc again to quit (or Ctrl+Q); any other key stays.";

    public ChooserModel Model => model;

    public void AddNotices(IEnumerable<string> lines)
    {
        notices.AddRange(lines);
        SetNeedsDraw();
    }

    protected override bool OnKeyDown(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key == Key.Esc)
        {
            // Esc backs out of the game too, but only on a second press: a player backing out of a level must not quit by mistake.
            if (quitArmed)
            {
                host.QuitGame();
            }
            else
            {
                quitArmed = true;
                notices.Add(QuitNotice);
                SetNeedsDraw();
            }

            return true;
        }

        quitArmed = false;
        notices.Remove(QuitNotice);
        var handled = true;
        if (key == Key.CursorUp)
        {
            model.MoveLevel(-1);
        }
        else if (key == Key.CursorDown)
        {
            model.MoveLevel(1);
        }
        else if (key == Key.PageUp)
        {
            model.MoveLevel(-Math.Max(1, levelRows.Height));
        }
        else if (key == Key.PageDown)
        {
            model.MoveLevel(Math.Max(1, levelRows.Height));
        }
        else if (key == Key.CursorLeft || key == Key.Tab.WithShift)
        {
            model.MovePack(-1);
        }
        else if (key == Key.CursorRight || key == Key.Tab)
        {
            model.MovePack(1);
        }
        else if (key == Key.Enter)
        {
            if (model.SelectedLevel is { } level)
            {
                host.OpenLevel(level);
            }
        }
        else
        {
            switch (KeyChar.Of(key))
            {
                case 'p':
                    host.EditPlayer();
                    break;
                case 'r':
                    host.EditRunsFolder();
                    break;
                case 'b':
                    host.OpenBoard();
                    break;
                default:
                    handled = false;
                    break;
            }
        }

        if (handled)
        {
            notices.AddRange(services.TakeNotices());
            SetNeedsDraw();
            return true;
        }

        return base.OnKeyDown(key);
    }

    /// <summary>
    /// The newest notice, saying how many came before it: two files moved aside at start-up would otherwise show only
    /// the second, and the player would never learn that the first best run went too.
    /// </summary>
    private string LatestNotice()
    {
        var latest = notices[^1];
        var earlier = notices.Count(n => n != QuitNotice) - (latest == QuitNotice ? 0 : 1);
        return latest == QuitNotice || earlier == 0
            ? latest
            : $"(+{earlier} earlier in the log) {latest}"; // first: a long notice's end is cut at three rows
    }

    protected override void Draw(int width, int height)
    {
        var canvas = new CellCanvas();
        canvas.Reset(width, height);
        var g = Glyphs;
        var tall = height >= 30;
        var top = tall ? 5 : 3;
        DrawTitle(canvas, width, tall);

        // A long notice (a file moved aside names both files) gets up to three lines rather than losing its end.
        var message = notices.Count > 0 ? LatestNotice() : RunsFolderLine();
        var messageLines = RichText.Wrap(message, width - 2);
        var messageRows = height >= 24 ? Math.Clamp(messageLines.Count, 1, 3) : 1;
        var listHeight = Math.Max(3, height - top - 1 - messageRows);
        var packWidth = Math.Clamp(width * 3 / 10, 22, 40);
        canvas.Box(0, top, packWidth, listHeight, "Packs", g);
        var selected = model.SelectedPack;
        var levelsTitle = selected is null ? "Levels" : selected.Pack.Workshop ? $"Levels of {selected.Title} (workshop: no hints)" : $"Levels of {selected.Title}";
        canvas.Box(packWidth, top, width - packWidth, listHeight, levelsTitle, g);
        packRows = new Rectangle(1, top + 1, packWidth - 2, listHeight - 2);
        levelRows = new Rectangle(packWidth + 1, top + 1, width - packWidth - 2, listHeight - 2);

        for (var i = 0; i < model.Packs.Count && i < packRows.Height; i++)
        {
            var pack = model.Packs[i];
            var isSelected = i == model.PackIndex;
            var stars = pack.Loaded ? $"{pack.Stars}/{pack.MaxStars}{g.StarFull}" : string.Empty;
            var name = CellCanvas.Fit(pack.Title, packRows.Width - stars.Length - 3, g.Ellipsis);
            var line = $"{(isSelected ? g.Pointer : ' ')} {name}".PadRight(packRows.Width - stars.Length) + stars;
            canvas.Text(packRows.X, packRows.Y + i, line, isSelected ? Ink.Selected : Ink.Normal);
        }

        if (model.Packs.Count == 0)
        {
            canvas.Text(packRows.X + 1, packRows.Y, "no packs here", Ink.Warn);
        }

        DrawLevels(canvas, selected);
        var messageInk = notices.Count > 0 ? Ink.Warn : Ink.Dim;
        for (var i = 0; i < messageRows; i++)
        {
            var text = i < messageRows - 1 ? messageLines[i] : string.Join(" ", messageLines.Skip(i));
            canvas.Text(1, height - 1 - messageRows + i, CellCanvas.Fit(text, width - 2, g.Ellipsis), messageInk);
        }
        Blit(canvas);
        var keys = new StyledLine(" ").Key(g.Unicode ? "↑↓" : "Up/Dn", "level").Key(g.Unicode ? "←→" : "Lt/Rt", "pack")
            .Key(g.Unicode ? "⏎" : "Enter", "play").Key("P", "player").Key("R", "runs/room").Key("B", "board").Key("F1", "help").Key("Esc", "quit");
        if (keys.Length > width)
        {
            keys = new StyledLine(" ").Key(g.Unicode ? "↑↓" : "Up/Dn", "level").Key(g.Unicode ? "←→" : "Lt/Rt", "pack")
                .Key(g.Unicode ? "⏎" : "Enter", "play").Key("P", "name").Key("R", "runs").Key("B", "board").Key("F1", "help").Key("Esc", "quit");
        }

        WriteLines(0, height - 1, width, 1, [keys]);
    }

    private void DrawTitle(CellCanvas canvas, int width, bool tall)
    {
        var player = services.Player is { } p ? $"player {p} (P) " : "no player yet (P) ";
        var row = tall ? 1 : 0;
        canvas.Text(1, row, Glyphs.Dot.ToString(), Ink.Dot);
        canvas.Text(3, row, "The Little Red Dot", Ink.Title);
        canvas.Text(Math.Max(24, width - player.Length), row, player, Ink.Dim);
        var tagline = "Pick a learning rate α and a start; watch the dot roll down into the valley.";
        var lines = RichText.Wrap(tagline, Math.Max(1, width - 4));
        for (var i = 0; i < Math.Min(lines.Count, tall ? 2 : 1); i++)
        {
            canvas.Text(3, row + 1 + i, lines[i], Ink.Dim);
        }
    }

    private void DrawLevels(CellCanvas canvas, PackEntry? pack)
    {
        var g = Glyphs;
        if (pack is null)
        {
            return;
        }

        var rows = levelRows;
        var detailRows = rows.Height >= 10 ? 4 : 2;
        var listRows = Math.Max(1, rows.Height - detailRows);
        var row = 0;
        if (!string.IsNullOrWhiteSpace(pack.Pack.Description) && rows.Height >= 8)
        {
            // The description takes the rows the level list leaves free (up to three), then a blank line.
            var description = RichText.Wrap(pack.Pack.Description, rows.Width - 2);
            var shown = Math.Clamp(listRows - pack.Levels.Count - 2, 1, Math.Min(3, description.Count));
            for (var i = 0; i < shown; i++)
            {
                var text = i == shown - 1 && shown < description.Count ? string.Join(" ", description.Skip(i)) : description[i];
                canvas.Text(rows.X + 1, rows.Y + i, CellCanvas.Fit(text, rows.Width - 2, g.Ellipsis), Ink.Dim);
            }

            row = shown + 1;
        }

        levelListOffset = row;

        var visible = Math.Max(1, listRows - row);
        if (model.LevelIndex < levelScroll)
        {
            levelScroll = model.LevelIndex;
        }
        else if (model.LevelIndex >= levelScroll + visible)
        {
            levelScroll = model.LevelIndex - visible + 1;
        }

        var firstRow = rows.Y + row;
        for (var i = levelScroll; i < pack.Levels.Count && i < levelScroll + visible; i++)
        {
            var level = pack.Levels[i];
            var isSelected = i == model.LevelIndex;
            string right;
            if (level.Error is not null)
            {
                right = "cannot load";
            }
            else
            {
                var stars = new string(g.StarFull, level.Stars) + new string(g.StarEmpty, 3 - level.Stars);
                var score = level.Score is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "—";
                right = $"{stars} {score,6}";
            }

            var number = $"{i + 1,2}. ";
            var title = CellCanvas.Fit(level.Title, Math.Max(1, rows.Width - number.Length - right.Length - 3), g.Ellipsis);
            var line = $"{(isSelected ? g.Pointer : ' ')}{number}{title}".PadRight(rows.Width - right.Length - 1) + right;
            var ink = isSelected ? Ink.Selected : level.Error is not null ? Ink.Bad : Ink.Normal;
            canvas.Text(rows.X, firstRow + i - levelScroll, line, ink);
            if (!isSelected && level.Error is null)
            {
                var starAt = rows.X + line.Length - right.Length;
                canvas.Text(starAt, firstRow + i - levelScroll, right[..3], level.Stars > 0 ? Ink.Star : Ink.Dim);
            }
        }

        if (pack.Levels.Count == 0)
        {
            canvas.Text(rows.X + 1, firstRow, "this pack has no levels", Ink.Warn);
        }

        // The details wrap: each gets the lines it needs while they last, the last one cut if it must be.
        var detailTop = rows.Y + rows.Height - detailRows;
        var chosen = model.SelectedLevel;
        var detailLines = Details(chosen).SelectMany(d => RichText.Wrap(d.Text, rows.Width - 2).Select(l => (Text: l, d.Ink))).ToList();
        for (var i = 0; i < detailRows && i < detailLines.Count; i++)
        {
            var text = i == detailRows - 1 && detailLines.Count > detailRows ? detailLines[i].Text + " " + detailLines[i + 1].Text : detailLines[i].Text;
            canvas.Text(rows.X + 1, detailTop + i, CellCanvas.Fit(text, rows.Width - 2, g.Ellipsis), detailLines[i].Ink);
        }
    }

    private IEnumerable<(string Text, Ink Ink)> Details(LevelEntry? level)
    {
        if (level is null)
        {
            yield break;
        }

        if (level.Error is { } error)
        {
            yield return ($"This level cannot be played: {error}", Ink.Bad);
            yield break;
        }

        if (level.Definition is not { } d)
        {
            yield break;
        }

        var r = d.Level.Rules;
        var free = (r.Beta0.IsFree, r.Beta1.IsFree) switch
        {
            (true, true) => "β0 and β1 free",
            (true, false) => "β0 free, β1 fixed",
            _ => "β1 free, β0 fixed",
        };
        yield return ($"{free} · {d.Level.Data.Count} points · budget {r.Budget} steps · par {r.Par} · goal gap ≤ {NumberText.Short(r.Tolerance)}", Ink.Normal);
        if (level.Best is { } best)
        {
            var rescored = best.Rescored ? " (re-scored under the current rules)" : string.Empty;
            yield return ($"Your best: {best.Result.Steps} steps, score {best.Result.Score}, {best.Result.Bounces} bounces, α = {NumberText.Short(best.Run.Choice.Alpha)}{rescored}", Ink.Dim);
        }
        else
        {
            yield return ("Not played yet.", Ink.Dim);
        }

        var tallies = new (string Name, (int Right, int Made) Counts)[]
        {
            (string.Empty, services.Predictions(d.Id)),
            ("across ", services.Predictions(d.Id, Way.Across)),
            ("along ", services.Predictions(d.Id, Way.Along)),
        }.Where(t => t.Counts.Made > 0).Select(t => $"{t.Name}{t.Counts.Right}/{t.Counts.Made}").ToList();
        if (tallies.Count > 0)
        {
            yield return ($"Predicted {string.Join(", ", tallies)} right.", Ink.Dim);
        }
    }

    private string RunsFolderLine() =>
        services.Room is { } room ? $"Every run is sent to the room {room} (R to change)"
        : services.RunsFolder is { } folder ? $"Every run is also saved to {folder} (R to change)"
        : "Runs stay in your progress; R sets a room or a runs folder (a workshop's).";

    private void OnMouse(object? sender, Mouse mouse)
    {
        if (mouse.Position is not { } at || !(mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked) || mouse.Flags.HasFlag(MouseFlags.LeftButtonDoubleClicked)))
        {
            return;
        }

        if (packRows.Contains(at))
        {
            var pack = at.Y - packRows.Y;
            if (pack < model.Packs.Count)
            {
                model.MovePack(pack - model.PackIndex);
            }
        }
        else if (levelRows.Contains(at) && model.SelectedPack is { } p)
        {
            var index = at.Y - levelRows.Y - levelListOffset + levelScroll;
            if (index >= 0 && index < p.Levels.Count)
            {
                model.Select(model.PackIndex, index);
                if (mouse.Flags.HasFlag(MouseFlags.LeftButtonDoubleClicked) && model.SelectedLevel is { } level)
                {
                    host.OpenLevel(level);
                }
            }
        }

        mouse.Handled = true;
        SetNeedsDraw();
    }
}
