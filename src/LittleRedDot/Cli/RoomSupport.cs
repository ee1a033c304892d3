using LittleRedDot.Content;
using LittleRedDot.Content.Progress;
using LittleRedDot.Content.Rooms;

namespace LittleRedDot.Cli;

/// <summary>What the verbs that talk to a room share: the client, the outbox, the admin token (RULES.md §9).</summary>
public static class RoomSupport
{
    /// <summary>The configuration key of the admin token; the environment sets it as LITTLEREDDOT__ADMINTOKEN.</summary>
    public const string AdminTokenKey = "LittleRedDot:AdminToken";

    /// <summary>An HTTP client over the context's handler (the handler outlives it).</summary>
    public static HttpClient Http(CliContext context) =>
        new(context.RoomHandler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The address given on the command line.</summary>
    /// <exception cref="UsageException">Not an http(s) URL.</exception>
    public static RoomAddress Address(string text) =>
        RoomAddress.TryParse(text, out var problem) ?? throw new UsageException(problem ?? "not a room address");

    /// <summary>The player's outbox, with the tokens kept in their settings file under <paramref name="token"/> when one is given by hand.</summary>
    /// <exception cref="UsageException">There is no home folder to keep the outbox and the tokens in (<see cref="UserFolders.NoHome"/>).</exception>
    public static Outbox Outbox(CliContext context, HttpClient http, string? token = null)
    {
        var (data, settings) = KeptFolders(context);
        return new(context.FileSystem, data, http, GivenRoomToken.Over(new SettingsRoomTokens(new SettingsStore(context.FileSystem, settings, context.Time)), token), context.Time);
    }

    /// <summary>The data folder and the settings file, where the outbox, progress and tokens are kept.</summary>
    /// <exception cref="UsageException">There is no absolute home folder to keep them in (<see cref="UserFolders.NoHome"/>).</exception>
    public static (string Data, string SettingsFile) KeptFolders(CliContext context) =>
        context.Folders is { Data: { } data, SettingsFile: { } settings } ? (data, settings) : throw new UsageException(UserFolders.NoHome);

    /// <summary>Waits for a room call; Ctrl+C cancels it.</summary>
    public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    public static void Wait(Task task) => task.GetAwaiter().GetResult();
}
