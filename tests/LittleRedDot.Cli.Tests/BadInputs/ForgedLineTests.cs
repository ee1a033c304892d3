using LittleRedDot.Cli.Tests.TestSupport;

namespace LittleRedDot.Cli.Tests.BadInputs;

/// <summary>
/// Issue 14 (round two, kind 3): a line feed in a folder, file or column name or in a title reached the output raw, so
/// such a name could print a line of its own choosing. Every verb that names them prints them with the line feed
/// escaped (\u000A): no output line starts with the text that followed it. The names are made here (git holds no such).
/// </summary>
public sealed class ForgedLineTests : IDisposable
{
    private const string Forged = "FORGED: valid";
    private readonly LevelsFolder levels = new();

    public ForgedLineTests()
    {
        if (!OperatingSystem.IsWindows())
        {
            var pack = levels.Combine("levels", "pa\n" + Forged);
            Directory.CreateDirectory(pack);
            File.WriteAllText(Path.Combine(pack, "a\n" + Forged + ".level.json"), LevelsFolder.Level.Replace("t-01", "t-02", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(pack, "pack.json"), "{ \"title\": \"Title\\n" + Forged + "\" }");
        }
    }

    public void Dispose() => levels.Dispose();

    /// <summary>The verb, and whether it shows a name with a line feed at all (Markdown turns it into a space; CSV lists no rejected file).</summary>
    public static TheoryData<string[], bool> Verbs => new()
    {
        { ["levels"], true },
        { ["check-levels"], true },
        { ["board", "PACK", "RUNS"], true },
        { ["board", "PACK", "RUNS", "--format", "markdown"], false },
        { ["board", "PACK", "RUNS", "--format", "csv"], false },
        { ["replay", "RUNS"], true },
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public void No_name_holding_a_line_feed_starts_a_line_of_its_own(string[] verb, bool shown)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows file names cannot hold a line feed
        }

        var pack = levels.Combine("levels", "pa\n" + Forged);
        var runs = levels.Combine("ru\n" + Forged);
        Directory.CreateDirectory(runs);
        File.WriteAllText(Path.Combine(runs, "r\n" + Forged + ".run.json"), "not a run");
        string[] args = [.. verb.Select(a => a switch { "PACK" => pack, "RUNS" => runs, _ => a }), "--levels", levels.Root];

        var result = InProcess.Run(args);

        var lines = (result.Out + "\n" + result.Error).Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith(Forged, StringComparison.Ordinal));
        if (shown)
        {
            Assert.Contains("\\u000A" + Forged, result.Out + result.Error, StringComparison.Ordinal); // the name is still shown, escaped
        }
    }

    [Fact]
    public void A_column_name_holding_a_line_feed_is_escaped_in_what_new_level_says()
    {
        var source = levels.Write("cols.csv", "\"x\n" + Forged + "\",y\n1,2\n2,3\n3,5\n4,4\n5,7\n");

        var result = InProcess.Run("new-level", "--from", source, "--x", "x\n" + Forged, "--y", "y", "--both-free", "--dry-run", "--out", levels.Combine("levels", "mine", "c.level.json"), "--levels", levels.Root);

        Assert.True(result.Exit is 0 or 1, result.ToString());
        var lines = (result.Out + "\n" + result.Error).Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith(Forged, StringComparison.Ordinal));
        Assert.Contains("x\\u000A" + Forged, result.Out + result.Error, StringComparison.Ordinal);
    }
}
