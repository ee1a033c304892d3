using System.IO.Abstractions;
using LittleRedDot.Content;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LittleRedDot.Cli;

/// <summary>What every verb works with: its output streams, the file system, the clock and the configuration.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, IFileSystem fileSystem, TimeProvider time, IConfiguration configuration, ILoggerFactory? logging = null)
{
    /// <summary>Standard output, through the one sanitising writer (<see cref="TerminalWriter"/>): whatever a message holds, it is safe to print.</summary>
    public TerminalWriter Out { get; } = TerminalWriter.Of(output);

    /// <summary>Standard error, through the same sanitising writer.</summary>
    public TerminalWriter Error { get; } = TerminalWriter.Of(error);

    public IFileSystem FileSystem { get; } = fileSystem;

    public TimeProvider Time { get; } = time;

    public IConfiguration Configuration { get; } = configuration;

    /// <summary>Logging goes to a file, never to these streams; tests leave it out.</summary>
    public ILoggerFactory Logging { get; } = logging ?? NullLoggerFactory.Instance;

    /// <summary>Cancelled by Ctrl+C.</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>Set by a verb for which Ctrl+C is its normal way to stop (serve): it then exits with its own code, not 130.</summary>
    public bool InterruptIsNormalStop { get; set; }

    /// <summary>Whether the program runs in a terminal: neither standard input nor output redirected (the game needs one).</summary>
    public Func<bool> HasTerminal { get; init; } = () => !Console.IsInputRedirected && !Console.IsOutputRedirected;

    /// <summary>The user's folders: progress, settings, logs.</summary>
    public UserFolders Folders { get; init; } = UserFolders.ForCurrentUser();

    /// <summary>The account running the program (its name is the default player).</summary>
    public UserAccount User { get; init; } = UserAccount.ForCurrentUser();

    /// <summary>How rooms are reached (RULES.md §9): the network, or a fake handler in tests.</summary>
    public HttpMessageHandler RoomHandler { get; init; } = Content.Rooms.RoomClient.NetworkHandler();

    /// <summary>The levels root: --levels, else LittleRedDot:Levels, else the levels/ folder beside the program.</summary>
    /// <exception cref="UsageException">LittleRedDot:Levels is set to nothing (LITTLEREDDOT__LEVELS= in a script whose
    /// variable was unset) or to a path with a NUL in it, which no folder has.</exception>
    public string LevelsRoot(string? option)
    {
        if (option is not null)
        {
            return option;
        }

        return Configuration["LittleRedDot:Levels"] switch
        {
            null => Path.Combine(AppContext.BaseDirectory, "levels"),
            "" => throw new UsageException("the levels folder LittleRedDot:Levels (LITTLEREDDOT__LEVELS) is set but empty; give a folder, or unset it to play the shipped packs"),
            var configured when configured.Contains('\0', StringComparison.Ordinal) => throw new UsageException("the levels folder LittleRedDot:Levels (LITTLEREDDOT__LEVELS) holds a NUL character, which no path can; give a folder, or unset it to play the shipped packs"),
            var configured => configured,
        };
    }

    public LevelLibrary Library(string? levelsOption) => new(FileSystem, LevelsRoot(levelsOption));

    /// <summary>The player's name — the option, else LittleRedDot:Player, else the OS user name — and where it came from,
    /// in the words an error about it names: "--player", "LittleRedDot:Player (LITTLEREDDOT__PLAYER)" or "the account's user name".</summary>
    public (string Name, string Source) PlayerAndSource(string? option) =>
        option is not null ? (option, "--player")
        : Configuration["LittleRedDot:Player"] is { } configured ? (configured, "LittleRedDot:Player (LITTLEREDDOT__PLAYER)")
        : (User.Name, "the account's user name");

    /// <summary>Prints located errors, one per line, safe for a terminal.</summary>
    public void PrintErrors(IEnumerable<LocatedError> errors)
    {
        foreach (var e in errors)
        {
            Error.WriteLine($"error: {Shorten(e.File)}{(e.Location.Length > 0 ? ": " + e.Location : string.Empty)}: {e.Message}");
        }
    }

    /// <summary>A path as the user would like to read it: relative to the current folder when inside it.</summary>
    public static string Shorten(string path)
    {
        if (path.Length == 0)
        {
            return path;
        }

        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
