using System.IO.Abstractions;
using LittleRedDot.Cli;
using LittleRedDot.Content.Progress;

namespace LittleRedDot.Cli.Tests.Verbs;

/// <summary>
/// The program's configuration without the Generic Host (issue 13): the same three sources in the same order as the
/// README's "Configuration" section says, and appsettings.json read as the settings file is (issue 14): a file that is
/// not valid JSON, names a key twice, is not a regular file or is too big is reported in one line and left out, and
/// the rest of the configuration stands. Oracle: the README's order (later sources win) and its messages' words.
/// </summary>
public sealed class AppConfigurationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("appsettings-").FullName;
    private readonly List<string> warnings = [];

    private string AppSettings => Path.Combine(folder, "appsettings.json");

    [Fact]
    public void Later_sources_win_appsettings_then_the_settings_file_then_the_environment()
    {
        var key = $"LittleRedDot:TestOnly{Guid.NewGuid():N}";
        File.WriteAllText(AppSettings, $$"""{ "LittleRedDot": { "Room": "from-appsettings", "Player": "from-appsettings", "{{key["LittleRedDot:".Length..]}}": "from-appsettings" } }""");
        var environmentName = key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant();
        Environment.SetEnvironmentVariable(environmentName, "from-environment");
        try
        {
            var configuration = Build([new("LittleRedDot:Player", "from-settings"), new(key, "from-settings")]);

            Assert.Equal("from-appsettings", configuration["LittleRedDot:Room"]);
            Assert.Equal("from-settings", configuration["LittleRedDot:Player"]);
            Assert.Equal("from-environment", configuration[key]);
            Assert.Empty(warnings);
        }
        finally
        {
            Environment.SetEnvironmentVariable(environmentName, null);
        }
    }

    [Theory]
    [InlineData("{ \"LittleRedDot\": ", "is not a valid configuration file (")]
    [InlineData("{ \"LittleRedDot\": { \"Room\": \"a\", \"room\": \"b\" } }", "is not a valid configuration file (A duplicate key")]
    [InlineData("[1, 2]", "is not a valid configuration file (")]
    public void A_broken_appsettings_file_is_reported_and_left_out(string text, string says)
    {
        File.WriteAllText(AppSettings, text);

        var configuration = Build([new("LittleRedDot:Player", "ada")]);

        var warning = Assert.Single(warnings);
        Assert.StartsWith($"warning: {AppSettings} {says}", warning, StringComparison.Ordinal);
        Assert.EndsWith("; it is ignored", warning, StringComparison.Ordinal);
        Assert.Equal("ada", configuration["LittleRedDot:Player"]);
        Assert.Null(configuration["LittleRedDot:Room"]);
    }

    [Fact]
    public void A_named_pipe_is_never_opened_and_a_file_past_the_settings_bound_is_never_read()
    {
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [AppSettings]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        Build([]); // opening the pipe would wait for a writer for ever
        File.Delete(AppSettings);
        File.WriteAllText(AppSettings, $$"""{ "LittleRedDot": { "Room": "{{new string('r', (int)SettingsStore.MaxBytes)}}" } }""");
        var configuration = Build([]);

        Assert.Equal(
            [
                $"warning: {AppSettings} cannot be read (not a regular file (a named pipe, a device or a socket is never read)); it is ignored",
                $"warning: {AppSettings} holds more than {SettingsStore.MaxBytes:N0} bytes; it is ignored",
            ],
            warnings);
        Assert.Null(configuration["LittleRedDot:Room"]);
    }

    [Fact]
    public void A_file_that_cannot_be_opened_is_reported_and_left_out()
    {
        // Tests run as root, which reads any file whatever its mode: the file system's own refusal stands in for EACCES
        // (a file another process holds with no sharing, which the mock refuses to open as the disk would).
        var fileSystem = new System.IO.Abstractions.TestingHelpers.MockFileSystem(new Dictionary<string, System.IO.Abstractions.TestingHelpers.MockFileData>
        {
            [AppSettings] = new("{}") { AllowedFileShare = FileShare.None },
        });

        var configuration = AppConfiguration.Build(fileSystem, AppSettings, [new("LittleRedDot:Player", "ada")], warnings.Add);

        var warning = Assert.Single(warnings);
        Assert.StartsWith($"warning: {AppSettings} cannot be read (", warning, StringComparison.Ordinal);
        Assert.EndsWith("; it is ignored", warning, StringComparison.Ordinal);
        Assert.Equal("ada", configuration["LittleRedDot:Player"]);
    }

    [Fact]
    public void No_appsettings_file_is_no_warning()
    {
        var configuration = Build([new("LittleRedDot:Player", "ada")]);

        Assert.Empty(warnings);
        Assert.Equal("ada", configuration["LittleRedDot:Player"]);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Microsoft.Extensions.Configuration.IConfigurationRoot Build(KeyValuePair<string, string?>[] settings) =>
        AppConfiguration.Build(new FileSystem(), AppSettings, settings, warnings.Add);
}

/// <summary>
/// Configured values that no verb can use are refused in words with exit 2 (RULES.md §8), naming where they came from
/// (attacker round 4: LITTLEREDDOT__LEVELS= from an unset script variable was "internal error", exit 1; an empty
/// LITTLEREDDOT__PLAYER was blamed on a --player nobody gave). Oracle: §8's exit codes and the README's setting names.
/// </summary>
public sealed class ConfiguredValueTests
{
    [Theory]
    [InlineData("", "is set but empty")]
    [InlineData("levels\0x", "holds a NUL character, which no path can")]
    public void A_levels_folder_set_to_nothing_usable_is_exit_2_naming_the_setting(string configured, string says)
    {
        foreach (var verb in new[] { new[] { "levels" }, ["check-levels"], ["run", "article-01-the-little-red-dot", "--alpha", "0.01"] })
        {
            var result = TestSupport.InProcess.Run(new TestSupport.InProcess.Options { Configuration = new Dictionary<string, string?> { ["LittleRedDot:Levels"] = configured } }, verb);

            Assert.True(result.Exit == 2, result.ToString());
            Assert.Equal($"error: the levels folder LittleRedDot:Levels (LITTLEREDDOT__LEVELS) {says}", result.Error.Split(';')[0]);
            TestSupport.InProcess.AssertPlainErrors(result);
        }
    }

    [Fact]
    public void An_empty_configured_player_is_named_as_the_setting_it_came_from()
    {
        using var levels = new TestSupport.LevelsFolder();
        var save = levels.Combine("empty-player.run.json");
        var result = TestSupport.InProcess.Run(
            new TestSupport.InProcess.Options { Configuration = new Dictionary<string, string?> { ["LittleRedDot:Player"] = string.Empty } },
            "run", "t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--levels", levels.Root, "--save", save);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.StartsWith("error: LittleRedDot:Player (LITTLEREDDOT__PLAYER): the player name is empty", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(save));
    }
}
