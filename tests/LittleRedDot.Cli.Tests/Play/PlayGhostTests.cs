using System.IO.Abstractions;
using LittleRedDot.Cli.Tests.TestSupport;
using LittleRedDot.Content;
using LittleRedDot.Engine;
using Microsoft.Extensions.Configuration;

namespace LittleRedDot.Cli.Tests.Play;

/// <summary>
/// `play LEVEL --ghost FILE`: the file must verify on the level (RULES.md §7) before the screen is touched;
/// otherwise one plain line and the exit code replay would give (§8: 2 for a missing or malformed file, 1 for
/// a run that does not verify).
/// </summary>
public sealed class PlayGhostTests : IDisposable
{
    private readonly LevelsFolder levels = new();

    public void Dispose() => levels.Dispose();

    [Fact]
    public void A_ghost_without_a_level_is_bad_usage()
    {
        var (exit, error) = Play("play", "--ghost", "x.run.json");
        Assert.Equal(2, exit);
        Assert.Contains("--ghost needs a LEVEL", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_ghost_file_is_exit_2()
    {
        var (exit, error) = Play("play", "t-fixed", "--ghost", levels.Combine("nowhere.run.json"));
        Assert.Equal(2, exit);
        Assert.Contains("nowhere.run.json: file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_ghost_file_is_exit_1_with_the_reason()
    {
        var file = Save("t-fixed", "grace");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"grace\"", "\"mallory\"", StringComparison.Ordinal));
        var (exit, error) = Play("play", "t-fixed", "--ghost", file);
        Assert.Equal(1, exit); // a run that does not verify (RunVerifier: the digest covers the player's name)
        Assert.Contains("digest differs", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ghost_from_another_level_is_exit_1_naming_it()
    {
        var file = Save("t-fixed", "grace");
        var (exit, error) = Play("play", "t-point", "--ghost", file);
        Assert.Equal(1, exit);
        Assert.Contains("that run was played on the level \"t-fixed\", not on this one (\"t-point\")", error, StringComparison.Ordinal);
    }

    private string Save(string levelId, string player)
    {
        // Any verified run will do: α = 0.01 from β1 = −5 is in t-fixed's ranges (LevelsFolder).
        var run = RunRecorder.Record(levels.Load(levelId), new Choice(0.01, 0, -5), player, InProcess.Now);
        var file = levels.Combine(player + ".run.json");
        File.WriteAllBytes(file, RunFileWriter.ToBytes(run));
        return file;
    }

    private (int Exit, string Error) Play(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, new FileSystem(), TimeProvider.System, new ConfigurationBuilder().Build())
        {
            HasTerminal = () => true,
        };
        var exit = new CliApp(context).Run([.. args, "--levels", levels.Root]);
        Assert.Empty(output.ToString());
        return (exit, error.ToString());
    }
}
