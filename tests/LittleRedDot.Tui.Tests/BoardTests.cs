using LittleRedDot.Content;
using LittleRedDot.Content.Board;
using LittleRedDot.Engine;
using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Theming;
using LittleRedDot.Tui.Views;
using Microsoft.Extensions.Logging;
using Terminal.Gui.Input;
using static LittleRedDot.Tui.Tests.ScreenText;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// The in-game leaderboard (issue 6): B on the level list shows the selected pack's board over the runs
/// folder, ranked by RULES.md §4 from verified runs only, refreshed on the app's (virtual) clock, with every
/// rejected file and its reason — names and file text escaped. Runs and their scores come from
/// <see cref="TestLevels"/>, derived by hand there.
/// </summary>
public sealed class BoardTests : IDisposable
{
    private readonly TestLevels levels = new();
    private readonly string runs;

    public BoardTests()
    {
        runs = Path.Combine(levels.Root, "room");
        Directory.CreateDirectory(runs);
    }

    public void Dispose() => levels.Dispose();

    [Fact]
    public void Without_a_runs_folder_the_board_says_how_to_set_one_and_shows_it_once_set()
    {
        Save("t-01-slope", new Choice(0.04, 0, -4), "ada", "ada-1");
        using var game = new GameHarness(levels);
        game.Press(Key.B);
        Assert.NotNull(game.Window.Board);
        var screen = game.Screen();
        Shows(screen, "Leaderboard › First steps");
        Shows(Inside(screen, new System.Drawing.Rectangle(0, 3, 80, 3)), "No runs folder or room is set. The board ranks the runs saved in a runs folder, or a room's (http://HOST:PORT). Press R to choose one.");

        game.Press(Key.R).Type(runs).Press(Key.Enter);
        Assert.Null(game.Window.Overlay);
        Shows(game.Screen(), "▶ 1 ada "); // the board read the folder just chosen (ada is at this keyboard: her row is marked)
        Assert.Equal(runs, game.Services.RunsFolder);
    }

    [Fact]
    public void Players_rank_by_total_score_and_every_rejected_file_says_why()
    {
        // ada: slope α = 0.04 from −4 → reached at step 2 of 30, score ⌊10000·29/30⌋ = 9666, 3 stars (TestLevels.Slope).
        Save("t-01-slope", new Choice(0.04, 0, -4), "ada", "ada-1");

        // grace: slope α = 0.001 → out of steps, 0; both α = 0.09 from (−6, −2) → reached at step 28 of 120 (TestLevels.Both),
        // score ⌊10000·93/120⌋ = 7750, 3 stars (28 ≤ par 30). Her total 7750 ranks below ada's 9666 (§4: total score first).
        Save("t-01-slope", new Choice(0.001, 0, -4), "grace", "grace-1");
        Save("t-02-both", new Choice(0.09, -6, -2), "grace", "grace-2");

        // Rejected: a tampered name (the digest covers it), a level of another pack, a name with an escape sequence, not JSON.
        var tampered = Save("t-01-slope", new Choice(0.04, 0, -4), "mallory", "tampered");
        File.WriteAllText(tampered, File.ReadAllText(tampered).Replace("\"mallory\"", "\"eve\"", StringComparison.Ordinal));
        Settle(tampered);
        Save("w-01-room", new Choice(0.5, -3, 1), "bob", "other-pack");
        var evil = Save("t-01-slope", new Choice(0.04, 0, -4), "ada", "evil");
        File.WriteAllText(evil, File.ReadAllText(evil).Replace("\"ada\"", "\"ev\\u001b[31mil\"", StringComparison.Ordinal));
        Settle(evil);
        Settle(Write("junk", "not json"));

        using var game = new GameHarness(levels, runsFolder: runs);
        game.Press(Key.B);
        var screen = game.Screen();
        Shows(screen, "Players (2)");
        Shows(screen, "  # player      score stars bounces    L1    L2");
        Shows(screen, "▶ 1 ada          9666     3       0  9666     -"); // ada is the player at this keyboard: her row is marked
        Shows(screen, "  2 grace        7750     3       0     0  7750");
        Shows(screen, "L1 Slope only · L2 Two knobs");
        Shows(screen, "Rejected — never counted (4):");
        var squeezed = Inside(screen, new System.Drawing.Rectangle(0, 3, 80, 20)); // wrapped reasons read as one
        Shows(squeezed, "✗ evil.run.json: player name not allowed: the player name holds a control or format character (U+001B)");
        Shows(squeezed, "✗ other-pack.run.json: level not found: no level \"w-01-room\" in the pack \"First steps\"");
        Shows(squeezed, "✗ tampered.run.json: digest differs");
        Shows(squeezed, "✗ junk.run.json: not a valid run file");
        Assert.DoesNotContain('\u001b', screen);
        Assert.Equal(game.Theme[Ink.Title], game.AttributeOf("ada "));
    }

    [Fact]
    public void A_named_pipe_in_the_runs_folder_is_rejected_rather_than_freezing_the_board()
    {
        // Opening a FIFO for reading waits for a writer: before BoundedFile gave up on it, B froze the whole game.
        if (OperatingSystem.IsWindows())
        {
            return; // no named pipes in the file system there
        }

        Save("t-01-slope", new Choice(0.04, 0, -4), "ada", "ada-1");
        var fifo = Path.Combine(runs, "pipe" + RunFileChecker.RunSuffix);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        Settle(fifo);
        using var game = new GameHarness(levels, runsFolder: runs);
        game.Press(Key.B);
        var screen = game.Screen();
        Shows(screen, "▶ 1 ada          9666"); // the real run still counts (TestLevels.Slope: score 9666)
        Shows(Inside(screen, new System.Drawing.Rectangle(0, 3, 80, 20)), "✗ pipe.run.json: cannot be read (not a regular file");
    }

    [Fact]
    public void Rejected_files_below_the_fold_are_announced_until_scrolled_to()
    {
        // 15 players fill the 80×24 board; one tampered file's reason lies below them.
        for (var p = 0; p < 15; p++)
        {
            Save("t-01-slope", new Choice(0.04, 0, -4), $"p{p}", $"p{p}");
        }

        var tampered = Save("t-01-slope", new Choice(0.04, 0, -4), "mallory", "tampered");
        File.WriteAllText(tampered, File.ReadAllText(tampered).Replace("\"mallory\"", "\"eve\"", StringComparison.Ordinal));
        Settle(tampered);
        using var game = new GameHarness(levels, runsFolder: runs);
        game.Press(Key.B);
        Shows(game.Screen(), "1 file rejected: End shows why");
        DoesNotShow(game.Screen(), "tampered.run.json");

        game.Press(Key.End);
        Shows(game.Screen(), "✗ tampered.run.json: digest differs");
        DoesNotShow(game.Screen(), "End shows why");
    }

    [Fact]
    public void The_board_refreshes_on_the_apps_clock_while_it_is_open()
    {
        Save("t-01-slope", new Choice(0.04, 0, -4), "ada", "ada-1");
        using var game = new GameHarness(levels, runsFolder: runs);
        game.Press(Key.B);
        Shows(game.Screen(), "Players (1)");

        // grace's run lands in the folder; the board reads it on its next tick (BoardModel.RefreshInterval, 2 s of virtual time).
        Save("t-02-both", new Choice(0.09, -6, -2), "grace", "grace-2");
        game.Wait(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100));
        Shows(game.Screen(), "Players (1)");
        game.Wait(TimeSpan.FromSeconds(1.1), TimeSpan.FromMilliseconds(100));
        Shows(game.Screen(), "Players (2)");
        Shows(game.Screen(), "  2 grace        7750");
    }

    [Fact]
    public void A_file_still_being_written_is_pending_not_rejected()
    {
        // Leaderboard.SettleTime: a malformed file younger than 3 s (by the game's clock) may still be being written.
        var file = Write("half", "{ \"format\": \"littlereddot-");
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 11, 26, 10, 14, 59, DateTimeKind.Utc)); // 1 s before GameHarness's clock
        using var game = new GameHarness(levels, runsFolder: runs);
        game.Press(Key.B);
        var screen = game.Screen();
        Shows(screen, "1 file is still being written (pending)");
        DoesNotShow(screen, "Rejected");
    }

    [Fact]
    public void A_missing_runs_folder_is_said_in_words_and_logged_once()
    {
        var logs = new RecordingLogs();
        var missing = Path.Combine(levels.Root, "not-yet");
        using var game = new GameHarness(levels, runsFolder: missing, logs: logs);
        game.Press(Key.B);
        Shows(Inside(game.Screen(), new System.Drawing.Rectangle(0, 3, 80, 3)), "it does not exist (yet). The board shows it as soon as it can; R chooses another folder.");
        game.Wait(TimeSpan.FromSeconds(4.1), TimeSpan.FromMilliseconds(100));
        Assert.Single(logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("cannot read", StringComparison.Ordinal));

        // The folder appears (the facilitator made it): the next tick shows an empty board.
        Directory.CreateDirectory(missing);
        game.Wait(TimeSpan.FromSeconds(2.1), TimeSpan.FromMilliseconds(100));
        Shows(game.Screen(), "No verified runs yet");
    }

    [Fact]
    public void Esc_goes_back_to_the_level_list_and_the_board_stops_reading()
    {
        using var game = new GameHarness(levels, runsFolder: runs);
        game.Press(Key.CursorRight, Key.B); // the second pack: the workshop room
        Shows(game.Screen(), "Leaderboard › Room");
        game.Press(Key.Esc);
        Assert.Null(game.Window.Board);
        Assert.False(game.Window.Quitting);
        Shows(game.Screen(), "Levels of Room");
        game.Wait(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(100)); // no timer left behind to fire on a closed screen
        Shows(game.Screen(), "B board");
    }

    [Fact]
    public void Many_levels_show_as_many_columns_as_fit_and_the_arrows_show_the_others()
    {
        // Ten level columns of 6 cells cannot fit 80 columns beside the fixed ones (25) and a 10-cell name: 6 can (BoardTable).
        var ids = Enumerable.Range(1, 10).Select(i => $"l{i}").ToArray();
        var board = new BoardSnapshot("Ten", ids, [new BoardRow(1, "ada", 100, 1, 0, new Dictionary<string, long> { ["l10"] = 100 })], [], 0);
        var glyphs = new Theme(new TerminalTraits(true, true)).Glyphs;
        var table = new BoardTable(board, 76, 0, glyphs);
        Assert.Equal(6, table.Shown);
        Assert.True(table.Clipped);
        Assert.EndsWith("L6", table.Header().Text, StringComparison.Ordinal);

        var moved = new BoardTable(board, 76, 6, glyphs);
        Assert.Equal(4, moved.FirstLevel); // the last six: L5–L10
        Assert.EndsWith("L10", moved.Header().Text, StringComparison.Ordinal);
        Assert.EndsWith("  100", moved.Rows(null)[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_row_fits_its_width()
    {
        // The contract of BoardTable: from 40 columns up, no line is wider than the table, whatever the pack and the names.
        var glyphs = new Theme(new TerminalTraits(true, true)).Glyphs;
        var name = new string('n', 40);
        for (var levelCount = 0; levelCount <= 30; levelCount += 3)
        {
            var ids = Enumerable.Range(1, levelCount).Select(i => $"l{i}").ToArray();
            var scores = ids.ToDictionary(id => id, _ => 10000L, StringComparer.Ordinal);
            var players = Enumerable.Range(1, 120).Select(r => new BoardRow(r, r == 1 ? name : $"p{r}", 10000L * levelCount, 3L * levelCount, 999, scores)).ToArray();
            var board = new BoardSnapshot("p", ids, players, [], 0);
            for (var width = 40; width <= 200; width += 7)
            {
                var table = new BoardTable(board, width, 0, glyphs);
                Assert.True(table.Header().Length <= width, $"header {table.Header().Length} > {width}");
                Assert.All(table.Rows("p2"), r => Assert.True(r.Length <= width, $"row {r.Length} > {width} ({levelCount} levels)"));
            }
        }
    }

    [Fact]
    public void Wide_names_and_a_rooms_outsized_numbers_keep_the_columns_in_line()
    {
        // Oracle: a table's rows are as wide as its header, in cells (CellCanvas.Span, as the canvas draws them), so every
        // column lines up; and where the screen has room each name is shown whole, escaped as everywhere. Attacker round 5:
        // a name holding U+2028 and CJK was sized by its UTF-16 length, pushing its row two cells right and cutting it, and
        // a hostile room's score of 2^63 - 1 (or a negative rank) pushed the columns after it.
        var glyphs = new Theme(new TerminalTraits(true, true)).Glyphs;
        string[] names = ["漢字\u2028😀e\u0301", "x\u2029|y*z", "ada", "Zoë 🦊"];
        var players = names.Select((n, i) => new BoardRow(i + 1, n, 1000 - i, 1, 0, new Dictionary<string, long> { ["l1"] = 1000 - i }))
            .Append(new BoardRow(-5, "huge", long.MaxValue, 999_999_999, long.MinValue, new Dictionary<string, long> { ["l2"] = 12_345_678 }))
            .ToArray();
        var board = new BoardSnapshot("p", ["l1", "l2"], players, [], 0);
        foreach (var width in new[] { 60, 80, 200 })
        {
            var table = new BoardTable(board, width, 0, glyphs);
            var header = CellCanvas.Span(table.Header().Text);
            Assert.All(table.Rows(null), row => Assert.Equal(header, CellCanvas.Span(row.Text)));
            if (width == 200)
            {
                Assert.All(names, n => Assert.Contains(table.Rows(null), row => row.Text.Contains(TextSafety.Escape(n), StringComparison.Ordinal)));
            }
        }
    }

    private string Save(string levelId, Choice choice, string player, string name) =>
        levels.SaveRun(levelId, choice, player, Path.Combine(runs, name + RunFileChecker.RunSuffix));

    private string Write(string name, string text)
    {
        var file = Path.Combine(runs, name + RunFileChecker.RunSuffix);
        File.WriteAllText(file, text);
        return file;
    }

    /// <summary>Dates a file an hour before the game's clock (GameHarness), so that it counts as settled, not pending.</summary>
    private static string Settle(string file)
    {
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 11, 26, 9, 15, 0, DateTimeKind.Utc));
        return file;
    }
}
