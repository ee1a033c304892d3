using Microsoft.Extensions.Logging;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// The game's notable events, as lines in the log file (never on the screen: the terminal belongs to the
/// game). Names and paths came from files or the player, so callers pass them through TextSafety first:
/// someone may read the log in a terminal.
/// </summary>
public static partial class GameLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Level {LevelId} opened by {Player}")]
    public static partial void LevelOpened(this ILogger logger, string levelId, string player);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Run on {LevelId} by {Player}: {Outcome} at step {Steps}, score {Score}, {Stars} stars, {Bounces} bounces, alpha {Alpha}")]
    public static partial void RunFinished(this ILogger logger, string levelId, string player, string outcome, int steps, long score, int stars, int bounces, double alpha);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Run saved to the runs folder as {File}")]
    public static partial void RunSaved(this ILogger logger, string file);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{File}: {Problem}; moved aside to {MovedTo}")]
    public static partial void FileMovedAside(this ILogger logger, string file, string problem, string movedTo);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{File}: {Problem}")]
    public static partial void FileProblem(this ILogger logger, string file, string problem);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Settings: {Problem}")]
    public static partial void SettingsProblem(this ILogger logger, string problem);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Save failed: {What}")]
    public static partial void SaveFailed(this ILogger logger, string what);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Player is now {Player}")]
    public static partial void PlayerChosen(this ILogger logger, string player);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Runs folder is now {Folder}")]
    public static partial void RunsFolderChosen(this ILogger logger, string folder);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Ghost on {LevelId} from {File}")]
    public static partial void GhostOpened(this ILogger logger, string levelId, string file);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Ghost on {LevelId} refused, {File}: {Reason}")]
    public static partial void GhostRefused(this ILogger logger, string levelId, string file, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Leaderboard of {Pack} opened on {Folder}")]
    public static partial void BoardOpened(this ILogger logger, string pack, string folder);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Leaderboard of {Pack} cannot read {Folder}: {Reason}")]
    public static partial void BoardUnreadable(this ILogger logger, string pack, string folder, string reason);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "The game stopped unexpectedly")]
    public static partial void Unexpected(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Game started")]
    public static partial void GameStarted(this ILogger logger);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "Game ended with exit code {ExitCode}")]
    public static partial void GameEnded(this ILogger logger, int exitCode);

    [LoggerMessage(EventId = 16, Level = LogLevel.Information, Message = "Room chosen: {Room}")]
    public static partial void RoomChosen(this ILogger logger, string room);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning, Message = "The game had not shut down {GraceSeconds} s after a stop request (its terminal gone); ended with exit code {ExitCode}")]
    public static partial void ShutdownStuck(this ILogger logger, double graceSeconds, int exitCode);
}
