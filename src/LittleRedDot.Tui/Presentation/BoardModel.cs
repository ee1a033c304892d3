using LittleRedDot.Content;
using LittleRedDot.Content.Board;
using Microsoft.Extensions.Logging;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// The leaderboard screen without the screen (issue 6): the pack's <see cref="Leaderboard"/> over the runs
/// folder the game saves into — or, when a room is set, the room's board (RULES.md §9), asked for in the
/// background — refreshed on request (the screen asks every <see cref="RefreshInterval"/>, so a projector
/// shows the room live). Only verified runs count; each refresh re-verifies only new or changed files. A
/// missing or unreadable folder, or a room out of reach, is a problem in words, never a crash.
/// </summary>
public sealed class BoardModel
{
    /// <summary>How often the screen refreshes the board: the same as `board --watch` (a shared folder gives no reliable change events).</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly GameServices services;
    private readonly Leaderboard board;
    private readonly ILogger log;
    private string? loggedProblem;

    public BoardModel(PackEntry pack, LevelLoader loader, GameServices services)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(services);
        this.services = services;
        log = services.Logging.CreateLogger<BoardModel>();
        PackTitle = pack.Title;
        board = new Leaderboard(services.FileSystem, services.Clock, pack.Pack, loader);

        // Titles come from the chooser's entries (already escaped); a level it could not read keeps its id.
        var titles = pack.Levels.Where(l => l.Spec is not null).GroupBy(l => l.Spec!.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        LevelTitles = board.LevelIds.Select(id => titles.TryGetValue(id, out var t) ? t : TextSafety.Escape(id)).ToArray();
    }

    /// <summary>The pack's title, safe for the terminal.</summary>
    public string PackTitle { get; }

    /// <summary>The pack's level ids in order, as the board's columns.</summary>
    public IReadOnlyList<string> LevelIds => board.LevelIds;

    /// <summary>Each level's title, in the order of <see cref="LevelIds"/>, safe for the terminal.</summary>
    public IReadOnlyList<string> LevelTitles { get; }

    /// <summary>The board at the last refresh; null when there was no folder to read.</summary>
    public BoardSnapshot? Snapshot { get; private set; }

    /// <summary>The folder last read, if any.</summary>
    public string? RunsFolder { get; private set; }

    /// <summary>Why there is no board (no runs folder set, or it cannot be read), safe for the terminal; null when there is one.</summary>
    public string? Problem { get; private set; }

    /// <summary>Where the board comes from, in one line for the screen, safe for the terminal.</summary>
    public string Source { get; private set; } = string.Empty;

    /// <summary>When the round is closed or the room's board frozen, that in words; else null.</summary>
    public string? RoundNote { get; private set; }

    /// <summary>When the board was last read.</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>The player whose row stands out, if any.</summary>
    public string? Player => services.Player;

    /// <summary>Reads the runs folder again: new and changed files are verified, the players ranked (RULES.md §4).</summary>
    public void Refresh()
    {
        RunsFolder = services.RunsFolder;
        UpdatedAt = services.Clock.GetLocalNow();
        RoundNote = null;
        if (services.Room is { } room && services.RoomLink is { } link)
        {
            var (board, note, problem) = link.Board(room);
            Snapshot = board is null ? null : board with { PackTitle = PackTitle, LevelIds = LevelIds };
            Problem = problem is null ? null : $"{problem}. The board shows as soon as the room answers; R changes the room.";
            RoundNote = note;
            Source = $"Room {room} · verified runs · asked every {RefreshInterval.TotalSeconds:0} s · R changes it";
            return;
        }

        Source = RunsFolder is { } shown
            ? $"Verified runs in {TextSafety.Escape(shown)} · read again every {RefreshInterval.TotalSeconds:0} s · R changes the folder"
            : "No runs folder: R chooses one";
        if (RunsFolder is not { } folder)
        {
            Snapshot = null;
            Problem = "No runs folder or room is set. The board ranks the runs saved in a runs folder, or a room's (http://HOST:PORT). Press R to choose one.";
            return;
        }

        try
        {
            Snapshot = board.Refresh(folder);
            Problem = null;
            loggedProblem = null;
        }
        catch (Exception e) when (e is ContentException or IOException or UnauthorizedAccessException)
        {
            Snapshot = null;
            var missing = e is ContentException { IsUnreadable: true } && !services.FileSystem.Directory.Exists(folder);
            var reason = missing ? "it does not exist (yet)" : $"it cannot be read ({(e is ContentException c && c.Errors.Count > 0 ? c.Errors[0].Message : e.Message)})";
            Problem = TextSafety.Escape($"The runs folder {folder}: {reason}. The board shows it as soon as it can; R chooses another folder.");

            // Polling every 2 s: a folder that stays missing is logged once, not every time.
            if (Problem != loggedProblem)
            {
                loggedProblem = Problem;
                log.BoardUnreadable(PackTitle, TextSafety.Escape(folder), TextSafety.Escape(reason));
            }
        }
    }

    /// <summary>Logs that the board was opened (once, on the screen's first draw).</summary>
    public void LogOpened() => log.BoardOpened(PackTitle, TextSafety.Escape(services.Room?.Text ?? services.RunsFolder ?? "(no runs folder)"));
}
