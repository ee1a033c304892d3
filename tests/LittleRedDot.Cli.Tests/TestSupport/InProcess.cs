using System.IO.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

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

    public static Result Run(IFileSystem fileSystem, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LittleRedDot:Player"] = "ada" })
            .Build();
        var context = new CliContext(output, error, fileSystem, new FakeTimeProvider(Now), configuration);
        var exit = new CliApp(context).Run(args);
        return new Result(exit, output.ToString(), error.ToString());
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
}
