using LittleRedDot.Content.Lessons;
using LittleRedDot.Content.Progress;

namespace LittleRedDot.Content.Tests.Progress;

/// <summary>The per-level tally of predictions (issue 11): counts survive a reload; a broken file is tolerated, never a crash.</summary>
public sealed class PredictionTallyTests : IDisposable
{
    private readonly ProgressFixture fixture = new();

    private string Folder => Path.Combine(fixture.Data, "progress", "ada");

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Counts_are_kept_per_level_and_read_back()
    {
        var tally = new PredictionTally(fixture.FileSystem, Folder);
        tally.Add("p-01", held: true);
        tally.Add("p-01", held: false);
        tally.Add("p-02", held: true);

        // Oracle: the three Add calls above — two on p-01 (one held), one on p-02 (held).
        var again = new PredictionTally(fixture.FileSystem, Folder);
        Assert.Null(again.Problem);
        Assert.Equal((1, 2), again.For("p-01"));
        Assert.Equal((1, 1), again.For("p-02"));
        Assert.Equal((0, 0), again.For("p-03"));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    public void A_broken_file_counts_as_no_predictions_and_is_replaced_by_the_next(string content)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, PredictionTally.FileName), content);
        var tally = new PredictionTally(fixture.FileSystem, Folder);
        Assert.NotNull(tally.Problem);
        Assert.Equal((0, 0), tally.For("p-01"));

        tally.Add("p-01", held: true);
        Assert.Equal((1, 1), new PredictionTally(fixture.FileSystem, Folder).For("p-01"));
    }

    [Fact]
    public void An_entry_of_another_form_is_skipped_and_the_others_kept()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, PredictionTally.FileName), """{ "a": { "right": 3, "made": 2 }, "b": { "right": 2, "made": 4 }, "c": 7 }""");
        var tally = new PredictionTally(fixture.FileSystem, Folder);

        // "a" claims more right than made; "c" is not an object: both skipped, "b" kept.
        Assert.Equal((0, 0), tally.For("a"));
        Assert.Equal((2, 4), tally.For("b"));
        Assert.Equal((0, 0), tally.For("c"));
    }

    [Fact]
    public void Per_direction_counts_are_kept_apart_from_whole_run_ones_and_read_back()
    {
        var tally = new PredictionTally(fixture.FileSystem, Folder);
        tally.Add("p-04", [(Way.Across, true), (Way.Along, false)]);
        tally.Add("p-04", [(Way.Across, true)]);
        tally.Add("p-01", held: false);

        // Oracle: the calls above — across on p-04 twice (both held), along once (missed), no whole-run guess there.
        var again = new PredictionTally(fixture.FileSystem, Folder);
        Assert.Null(again.Problem);
        Assert.Equal((2, 2), again.For("p-04", Way.Across));
        Assert.Equal((0, 1), again.For("p-04", Way.Along));
        Assert.Equal((0, 0), again.For("p-04"));
        Assert.Equal((0, 1), again.For("p-01"));
        Assert.Equal((0, 0), again.For("p-01", Way.Across));
    }

    [Fact]
    public void A_broken_direction_entry_is_skipped_and_the_level_kept()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, PredictionTally.FileName), """{ "a": { "right": 1, "made": 2, "across": { "right": 5, "made": 1 }, "along": { "right": 1, "made": 3 } } }""");
        var tally = new PredictionTally(fixture.FileSystem, Folder);

        // "across" claims more right than made: skipped; the whole-run counts and "along" kept.
        Assert.Equal((1, 2), tally.For("a"));
        Assert.Equal((0, 0), tally.For("a", Way.Across));
        Assert.Equal((1, 3), tally.For("a", Way.Along));
    }
}
