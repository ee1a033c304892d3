using System.IO.Abstractions;
using LittleRedDot.Content;
using LittleRedDot.Content.Lessons;
using LittleRedDot.Content.Progress;
using LittleRedDot.Content.Rooms;
using LittleRedDot.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// The game's ties to the world: the clock, the player's settings and progress, the runs folder, the room
/// (RULES.md §9) and the log. Every problem with a file becomes a notice for the screen and a line in the
/// log; none stops the game. Room answers arrive on other threads: the settings and notices are locked.
/// </summary>
public sealed class GameServices
{
    private readonly SettingsStore settingsStore;
    private readonly string dataFolder;
    private readonly List<string> notices = [];
    private readonly ILogger log;
    private readonly Lock gate = new();
    private GameSettings settings;

    /// <param name="fileSystem">The file system (a fake one in tests).</param>
    /// <param name="clock">The time a run is saved at.</param>
    /// <param name="settingsStore">The user's settings file.</param>
    /// <param name="dataFolder">The user's data folder, where progress lives.</param>
    /// <param name="user">The account playing: its name is the suggested player name, its home what "~/" means in a typed path.</param>
    /// <param name="configuredPlayer">The player's name from configuration (the environment may set it), if any.</param>
    /// <param name="configuredRunsFolder">The runs folder from configuration, if any.</param>
    /// <param name="logging">Where the game's log lines go (a file); none when left out.</param>
    /// <param name="configuredRoom">The room from configuration (LittleRedDot:Room), if any.</param>
    /// <param name="roomHttp">How rooms are reached; without it no run is submitted.</param>
    /// <param name="configuredToken">A room token given by hand (LittleRedDot:RoomToken), sent over the one kept in the settings file.</param>
    public GameServices(IFileSystem fileSystem, TimeProvider clock, SettingsStore settingsStore, string dataFolder, UserAccount user, string? configuredPlayer, string? configuredRunsFolder, ILoggerFactory? logging = null, string? configuredRoom = null, HttpClient? roomHttp = null, string? configuredToken = null)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(settingsStore);
        ArgumentNullException.ThrowIfNull(dataFolder);
        ArgumentNullException.ThrowIfNull(user);
        FileSystem = fileSystem;
        User = user;
        Clock = clock;
        this.settingsStore = settingsStore;
        this.dataFolder = dataFolder;
        Logging = logging ?? NullLoggerFactory.Instance;
        log = Logging.CreateLogger<GameServices>();
        settings = settingsStore.Load();
        TakeSettingsProblem();

        var player = configuredPlayer ?? settings.Player;
        if (player is not null && PlayerName.Check(player) is null)
        {
            UsePlayer(player);
        }

        RunsFolder = string.IsNullOrWhiteSpace(configuredRunsFolder) ? settings.RunsFolder : configuredRunsFolder;
        var roomText = string.IsNullOrWhiteSpace(configuredRoom) ? settings.Room : configuredRoom;
        if (roomText is not null)
        {
            Room = RoomAddress.TryParse(roomText, out var problem);
            if (problem is not null)
            {
                notices.Add($"room not used: {problem}");
            }
        }

        RoomLink = roomHttp is null ? null : new RoomLink(fileSystem, dataFolder, roomHttp, GivenRoomToken.Over(new SettingsTokens(this), configuredToken), clock);
    }

    public IFileSystem FileSystem { get; }

    public TimeProvider Clock { get; }

    /// <summary>The account playing (never read from the environment here).</summary>
    public UserAccount User { get; }

    /// <summary>The game's loggers come from here: the log file, never the screen.</summary>
    public ILoggerFactory Logging { get; }

    /// <summary>The player's name; null until one is chosen.</summary>
    public string? Player { get; private set; }

    /// <summary>Where every run is also saved (a workshop's shared folder); null for nowhere.</summary>
    public string? RunsFolder { get; private set; }

    /// <summary>The room every finished run is submitted to (RULES.md §9); null for none.</summary>
    public RoomAddress? Room { get; private set; }

    /// <summary>How runs reach rooms and boards come back; null when the game has no network.</summary>
    public RoomLink? RoomLink { get; }

    /// <summary>The player's progress; null until a player is chosen.</summary>
    public ProgressStore? Progress { get; private set; }

    /// <summary>How the player's predictions fared, per level (issue 11); null until a player is chosen.</summary>
    private PredictionTally? predictions;

    public string SettingsFile => settingsStore.Path;

    /// <summary>Notices gathered since the last call, oldest first.</summary>
    public IReadOnlyList<string> TakeNotices()
    {
        lock (gate)
        {
            notices.AddRange(TakeProgressProblems());

            // Paths and system messages may hold anything; nothing reaches the terminal raw (RULES.md §8).
            var taken = notices.Select(n => n).ToArray();
            notices.Clear();
            return taken;
        }
    }

    /// <summary>Chooses the player's name and keeps it in the settings; returns why a name is refused, or null.</summary>
    public string? SetPlayer(string name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (PlayerName.Check(trimmed) is { } problem)
        {
            return problem;
        }

        UsePlayer(trimmed);
        log.PlayerChosen(trimmed);
        Change(s => s with { Player = trimmed });
        return null;
    }

    /// <summary>Chooses the runs folder (empty: none) and keeps it in the settings; returns why it is refused, or null.</summary>
    public string? SetRunsFolder(string? folder)
    {
        var trimmed = string.IsNullOrWhiteSpace(folder) ? null : folder.Trim();
        if (trimmed is not null)
        {
            try
            {
                trimmed = FileSystem.Path.GetFullPath(trimmed);
                if (FileSystem.File.Exists(trimmed))
                {
                    return "that is a file; give a folder";
                }

                // A folder below a plain file can never be made: refuse it now, where the reason fits on screen,
                // rather than after every run in a one-line message that cuts the reason off.
                for (var up = FileSystem.Path.GetDirectoryName(trimmed); !string.IsNullOrEmpty(up); up = FileSystem.Path.GetDirectoryName(up))
                {
                    if (FileSystem.File.Exists(up))
                    {
                        return $"{up} is a file, so no folder can be made inside it; give another folder";
                    }
                }
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or IOException)
            {
                return $"not a usable folder ({e.Message})";
            }
        }

        RunsFolder = trimmed;
        log.RunsFolderChosen(trimmed ?? "(none)");
        Change(s => s with { RunsFolder = trimmed });
        return null;
    }

    /// <summary>Chooses the room every finished run is submitted to (empty: none) and keeps it in the settings; returns why it is refused, or null.</summary>
    public string? SetRoom(string? address)
    {
        RoomAddress? room = null;
        if (!string.IsNullOrWhiteSpace(address))
        {
            room = RoomAddress.TryParse(address, out var problem);
            if (room is null)
            {
                return problem;
            }
        }

        Room = room;
        log.RoomChosen(room?.Text ?? "(none)");
        Change(s => s with { Room = room?.Text });
        return null;
    }

    /// <summary>
    /// What R on the level list asks for: a room's address (http://…) sets the room, anything else the runs folder;
    /// "-" or nothing sets neither. Returns why the answer is refused, or null.
    /// </summary>
    public string? SetRunsFolderOrRoom(string? answer)
    {
        var trimmed = answer?.Trim() ?? string.Empty;
        if (trimmed is "" or "-")
        {
            return SetRoom(null) ?? SetRunsFolder(null);
        }

        return RoomAddress.LooksLikeUrl(trimmed) ? SetRoom(trimmed) : SetRunsFolder(trimmed);
    }

    /// <summary>Sends the runs still waiting in the outbox (at the start of the game); what came of them becomes a notice.</summary>
    public void SendWaitingRuns()
    {
        RoomLink?.SendWaiting().ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully && (t.Result.Stored > 0 || t.Result.Refused > 0))
                {
                    var refused = t.Result.Refused > 0 ? $"; {t.Result.Refused} refused: {t.Result.Refusals[0]}" : string.Empty;
                    AddNotice($"{t.Result.Stored} waiting {(t.Result.Stored == 1 ? "run was" : "runs were")} sent to the room{refused}");
                }
            },
            TaskScheduler.Default);
    }
    /// <summary>The choice last played on a level, if any.</summary>
    public Choice? LastChoice(string levelId) => settings.LastChoices.TryGetValue(levelId, out var c) ? c : null;

    public void RememberChoice(string levelId, Choice choice) => Change(s => s.WithLastChoice(levelId, choice));

    /// <summary>The player's verified best run on a level, or null.</summary>
    public BestRun? Best(LevelDefinition level) => Progress?.Best(level);

    /// <summary>
    /// The player's predictions on a level, of the whole run (<paramref name="way"/> null) or of one direction: how many
    /// held, how many were made ((0, 0) with no player yet).
    /// </summary>
    public (int Right, int Made) Predictions(string levelId, Way? way = null) => predictions?.For(levelId, way) ?? (0, 0);

    /// <summary>Counts one run's predictions on a level in the player's progress; a file that cannot be written becomes a notice.</summary>
    public void RecordPredictions(string levelId, IReadOnlyList<(Way? Way, bool Held)> verdicts)
    {
        if (predictions is null)
        {
            return;
        }

        try
        {
            predictions.Add(levelId, verdicts);
        }
        catch (ContentException e)
        {
            AddNotice($"the prediction was not saved: {Describe(e)}");
        }
    }

    /// <summary>Offers a run to the player's progress and copies it into the runs folder.</summary>
    public SaveReport SaveRun(LevelDefinition level, RunFile run)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(run);
        var problems = new List<string>();
        var newBest = false;
        RunResult? previous = null;
        if (Progress is not null)
        {
            try
            {
                (newBest, previous) = Progress.Keep(level, run);
            }
            catch (ContentException e)
            {
                problems.Add($"progress not saved: {Describe(e)}");
                log.SaveFailed(problems[^1]);
            }

            problems.AddRange(TakeProgressProblems());
        }

        string? runsFile = null;
        if (RunsFolder is not null)
        {
            try
            {
                runsFile = new RunsFolder(FileSystem, RunsFolder).Save(run);
                log.RunSaved(runsFile);
            }
            catch (ContentException e)
            {
                problems.Add($"run not saved to the runs folder: {Describe(e)}");
                log.SaveFailed(problems[^1]);
            }
        }

        var submission = Room is { } room && RoomLink is { } link ? link.Submit(room, run) : null;
        return new SaveReport(newBest, runsFile, problems, submission) { BestFile = newBest ? Progress?.PathFor(level.Id) : null, PreviousBest = previous };
    }

    private static string Describe(ContentException e) =>
        e.Errors.Count > 0 ? $"{e.Errors[0].File}: {e.Errors[0].Message}" : e.Message;

    private void UsePlayer(string player)
    {
        Player = player;
        Progress = new ProgressStore(FileSystem, dataFolder, player, Clock);
        predictions = new PredictionTally(FileSystem, Progress.Folder);
        if (predictions.Problem is { } problem)
        {
            AddNotice(problem);
        }
    }

    /// <summary>
    /// Changes the settings and writes them; one change at a time (a room's token may arrive on another thread). The
    /// change is applied to the file as it is now (<see cref="SettingsStore.Update"/>), never to the copy read at the
    /// start: another process (`run --submit`) may have kept a room's token there meanwhile.
    /// </summary>
    private void Change(Func<GameSettings, GameSettings> change)
    {
        lock (gate)
        {
            try
            {
                settings = settingsStore.Update(change);
            }
            catch (ContentException e)
            {
                settings = change(settings); // kept for this game at least
                notices.Add($"settings not saved: {Describe(e)}");
                log.SaveFailed(notices[^1]);
            }

            TakeSettingsProblem();
        }
    }

    private void AddNotice(string notice)
    {
        lock (gate)
        {
            notices.Add(notice);
        }
    }

    private void TakeSettingsProblem()
    {
        if (settingsStore.Problem is { } problem)
        {
            notices.Add(problem);
            log.SettingsProblem(problem);
        }
    }

    /// <summary>The progress store's problems as lines for the screen, each also logged (a file moved aside is worth finding later).</summary>
    private IEnumerable<string> TakeProgressProblems()
    {
        if (Progress is null)
        {
            return [];
        }

        var problems = Progress.TakeProblems();
        foreach (var p in problems)
        {
            if (p.MovedTo is { } movedTo)
            {
                log.FileMovedAside(p.File, p.Message, movedTo);
            }
            else
            {
                log.FileProblem(p.File, p.Message);
            }
        }

        return problems.Select(p => p.Describe()).ToArray();
    }

    /// <summary>The tokens of names claimed in rooms, read from the settings file on each use (`run --submit` may have claimed one meanwhile) and kept through <see cref="Change"/>.</summary>
    private sealed class SettingsTokens(GameServices services) : IRoomTokens
    {
        public string? Find(RoomAddress room, string player)
        {
            lock (services.gate)
            {
                var found = services.settingsStore.Load().RoomTokenFor(room.Text, player);
                return found ?? services.settings.RoomTokenFor(room.Text, player);
            }
        }

        public void Keep(RoomAddress room, string player, string token) => services.Change(s => s.WithRoomToken(room.Text, player, token));
    }
}
