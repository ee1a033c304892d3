using System.IO.Abstractions;
using Microsoft.Extensions.Configuration;

namespace LittleRedDot.Cli.Tests.TestSupport;

/// <summary>Runs the command line in-process, as `littlereddot ARGS` would, and captures what it prints.</summary>
public static class InProcess
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 15, 0, TimeSpan.Zero);

    public sealed record Result(int Exit, string Out, string Error)
    {
        public override string ToString() => $"exit {Exit}\n--- stdout\n{Out}\n--- stderr\n{Error}";
    }

    public static Result Run(params string[] args) => Run(new FileSystem(), args);

    public static Result Run(IFileSystem fileSystem, params string[] args) => Run(new Options { FileSystem = fileSystem }, args);

    /// <summary>Runs with a room behind <see cref="Options.Room"/>, the user's folders somewhere safe, more configuration, or Ctrl+C already pressed.</summary>
    public static Result Run(Options options, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?> { ["LittleRedDot:Player"] = "ada" };
        foreach (var (key, value) in options.Configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        if (options.Room is not null && options.Folders is null)
        {
            throw new ArgumentException("a room needs the user's folders set, or the outbox would be the real one", nameof(options));
        }

        var context = new CliContext(output, error, options.FileSystem ?? new FileSystem(), new FixedClock(Now), configuration)
        {
            Cancellation = options.Cancellation,
            RoomHandler = options.Room ?? Content.Rooms.RoomClient.NetworkHandler(),
            Folders = options.Folders ?? Content.UserFolders.ForCurrentUser(),
        };
        var exit = new CliApp(context).Run(args);
        return new Result(exit, output.ToString(), error.ToString());
    }

    public sealed record Options
    {
        public IFileSystem? FileSystem { get; init; }

        /// <summary>The room every request goes to (a fake one).</summary>
        public HttpMessageHandler? Room { get; init; }

        /// <summary>The user's data and config folders (required with <see cref="Room"/>: the outbox and the tokens live there).</summary>
        public Content.UserFolders? Folders { get; init; }

        public IReadOnlyDictionary<string, string?>? Configuration { get; init; }

        public CancellationToken Cancellation { get; init; }
    }

    /// <summary>§8: errors are plain lines — never a stack trace, never a raw escape character.</summary>
    public static void AssertPlainErrors(Result result)
    {
        foreach (var text in new[] { result.Error, result.Out })
        {
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain('\u001b', text);
            Assert.DoesNotContain('\u0007', text);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
