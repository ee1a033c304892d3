using LittleRedDot.Content.Progress;
using Microsoft.Extensions.Logging;
using Terminal.Gui.Input;
using static LittleRedDot.Tui.Tests.ScreenText;

namespace LittleRedDot.Tui.Tests;

/// <summary>The game logs its notable events through the logger it is given — and never onto the screen (issue 5).</summary>
public sealed class LoggingTests : IDisposable
{
    private readonly TestLevels levels = new();

    public void Dispose() => levels.Dispose();

    [Fact]
    public void Opening_a_level_and_a_run_are_logged_but_not_shown()
    {
        var logs = new RecordingLogs();
        using var game = new GameHarness(levels, logs: logs);
        game.Press(Key.Enter, Key.Enter, Key.A).Type("0.04").Press(Key.Tab).Type("-4").Press(Key.Enter, Key.Enter, Key.End);

        Assert.True(logs.Has(LogLevel.Information, "Level t-01-slope opened by ada"), logs.All);

        // Oracle: TestLevels.Slope by hand — α = 0.04 from β1 = −4 reaches at step 2, score ⌊10000·29/30⌋ = 9666, 3 stars, no bounce.
        Assert.True(logs.Has(LogLevel.Information, "Run on t-01-slope by ada: reached at step 2, score 9666, 3 stars, 0 bounces, alpha 0.04"), logs.All);
        var screen = game.Screen();
        Shows(screen, "Reached the valley at step 2");
        DoesNotShow(screen, "opened by");
        DoesNotShow(screen, "Run on t-01-slope");
    }

    [Fact]
    public void A_corrupt_progress_file_is_moved_aside_shown_and_logged()
    {
        // A best-run file that is not JSON: ProgressStore moves it aside and reports it (issue 5: "a corrupt file is reported and moved aside").
        var folder = Path.Combine(levels.Data, "progress", PlayerFolderName.Of("ada"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "t-01-slope.run.json"), "this is not json");

        var logs = new RecordingLogs();
        using var game = new GameHarness(levels, logs: logs);
        // The long notice takes the rows above the key bar at 80 columns, rather than losing its end.
        Shows(Inside(game.Screen(), new System.Drawing.Rectangle(0, 20, 80, 3)), "moved aside to t-01-slope.run.json.corrupt-");
        var line = Assert.Single(logs.Lines, l => l.Message.Contains("moved aside", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains(Path.Combine(folder, "t-01-slope.run.json"), line.Message, StringComparison.Ordinal); // the full path: the log is where one looks for it later
    }

    [Fact]
    public void When_two_progress_files_are_moved_aside_the_screen_says_there_was_more_than_one()
    {
        // Oracle: two corrupt best-run files give two notices (ProgressStore, one per file); the one shown says one came before.
        var folder = Path.Combine(levels.Data, "progress", PlayerFolderName.Of("ada"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "t-01-slope.run.json"), "this is not json");
        File.WriteAllText(Path.Combine(folder, "t-02-both.run.json"), "nor is this");

        var logs = new RecordingLogs();
        using var game = new GameHarness(levels, logs: logs);
        Assert.Equal(2, logs.Lines.Count(l => l.Message.Contains("moved aside", StringComparison.Ordinal)));
        Shows(Squeezed(Inside(game.Screen(), new System.Drawing.Rectangle(0, 20, 80, 3))), "(+1 earlier in the log) t-02-both.run.json: not a valid run file");
    }

    [Fact]
    public void A_run_that_cannot_be_saved_to_the_runs_folder_is_logged_as_an_error()
    {
        // A runs folder below a plain file cannot be created: the save fails (AtomicFile), the game goes on.
        var blocker = Path.Combine(levels.Root, "a-file");
        File.WriteAllText(blocker, "x");
        var logs = new RecordingLogs();
        using var game = new GameHarness(levels, runsFolder: Path.Combine(blocker, "runs"), logs: logs);
        game.Press(Key.Enter, Key.Enter, Key.Enter, Key.End);

        Shows(game.Screen(), "run not saved to the runs folder");
        Assert.True(logs.Has(LogLevel.Error, "Save failed: run not saved to the runs folder"), logs.All);
    }

    [Fact]
    public void A_progress_save_that_fails_is_not_hidden_behind_the_runs_folder_path()
    {
        // The player's progress folder is a plain file, so the best run cannot be kept (AtomicFile); the runs folder works.
        var blocked = Path.Combine(levels.Data, "progress", PlayerFolderName.Of("ada"));
        Directory.CreateDirectory(Path.GetDirectoryName(blocked)!);
        File.WriteAllText(blocked, "x");
        var runs = Path.Combine(levels.Root, "room");
        Directory.CreateDirectory(runs);
        using var game = new GameHarness(levels, runsFolder: runs);
        game.Press(Key.Enter, Key.Enter, Key.Enter, Key.End);

        Assert.Single(Directory.GetFiles(runs)); // the runs folder copy was saved
        // LevelLayout: the message is the row above the key bar, or the two above it when it needs them (this one does).
        var messageRow = Inside(game.Screen(), new System.Drawing.Rectangle(0, 21, 80, 2));
        Assert.StartsWith("progress not saved", messageRow, StringComparison.Ordinal);
    }

    [Fact]
    public void Choosing_a_player_is_logged()
    {
        var logs = new RecordingLogs();
        using var game = new GameHarness(levels, player: null, logs: logs);
        game.Type("grace").Press(Key.Enter);
        Assert.True(logs.Has(LogLevel.Information, "Player is now grace"), logs.All);
    }
}
