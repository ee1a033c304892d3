using System.IO.Abstractions;
using System.Text;
using LittleRedDot.Content.Tests.TestSupport;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Tests.RunFiles;

/// <summary>Run files (RULES.md §7) read back to exactly what was written: doubles by their bits, non-finite ones as strings.</summary>
public sealed class RunFileRoundTripTests : IDisposable
{
    private readonly RunFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void A_saved_run_reads_back_to_the_same_values_and_verifies()
    {
        var written = fixture.Run;
        var read = RunFileReader.Read(File.ReadAllBytes(fixture.RunPath), fixture.RunPath);

        Assert.Equal(written.LevelId, read.LevelId);
        Assert.Equal(written.LevelSha256, read.LevelSha256);
        Assert.Equal(written.Player, read.Player);
        Assert.Equal("2026-11-26T10:15:00Z", read.SavedAt);
        Assert.Equal(written.Digest, read.Digest);
        Assert.Equal(RulesVersion.Current, read.RulesVersion);
        AssertSameBits(written.Choice.Alpha, read.Choice.Alpha);
        AssertSameResult(written.Result!, read.Result!);
        Assert.True(RunVerifier.Verify(fixture.Library().Find("t-01"), read).Verified);
    }

    [Fact]
    public void The_pinned_digest_of_the_engine_tests_is_what_a_saved_run_carries()
    {
        // Same level (data, α 0.1 from (0, 0)), player and savedAt as the engine's pinned determinism test.
        Assert.Equal("c2a1fe3634f7d5e579026a1bbd966d3bb0f382f8032e26f5624eb79c00b35715", fixture.Run.Digest);
    }

    [Fact]
    public void Non_finite_results_are_written_as_strings_and_read_back()
    {
        // The overflow-to-NaN run of the engine's BlowUpTests: data (1, 0), (3, 0), α = 1.7e308 from (5, −2.2)
        // ends with β0 = −∞, β1 = +∞, J = NaN and gap NaN after one step.
        var levelPath = fixture.Temp.Write("levels/pack/nan.level.json", """
            { "id": "nan", "title": "Overflow", "cost": "mse", "data": { "points": [[1, 0], [3, 0]] },
              "beta0": { "min": -10, "max": 10 }, "beta1": { "min": -10, "max": 10 },
              "alpha": { "min": 0.001, "max": 1.7e308 }, "budget": 10, "tolerance": 0.01, "par": 5 }
            """);
        var level = new LevelLoader(new FileSystem(), fixture.Root).Load(levelPath);
        var run = RunRecorder.Record(level, new Choice(1.7e308, 5, -2.2), "ada", RunFixture.SavedAt);
        var bytes = RunFileWriter.ToBytes(run);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Contains("\"beta0\": \"-Infinity\"", text, StringComparison.Ordinal);
        Assert.Contains("\"beta1\": \"Infinity\"", text, StringComparison.Ordinal);
        Assert.Contains("\"cost\": \"NaN\"", text, StringComparison.Ordinal);
        var read = RunFileReader.Read(bytes, "nan.run.json");
        AssertSameResult(run.Result!, read.Result!);
        Assert.True(RunVerifier.Verify(level, read).Verified);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(-0.0)]
    [InlineData(5e-324)]
    [InlineData(1.7976931348623157e308)]
    [InlineData(0.30000000000000004)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Every_double_reads_back_to_the_same_bits(double value)
    {
        var run = fixture.Run with
        {
            Choice = new Choice(value, value, value),
            Result = fixture.Run.Result! with { FinalBeta0 = value, FinalBeta1 = -value, FinalCost = value, Gap = value },
        };

        var read = RunFileReader.Read(RunFileWriter.ToBytes(run), "x.run.json");

        AssertSameBits(value, read.Choice.Alpha);
        AssertSameBits(value, read.Choice.Beta0);
        AssertSameResult(run.Result!, read.Result!);
    }

    [Fact]
    public void A_player_name_is_written_readably_and_read_back_exactly()
    {
        var run = fixture.Run with { Player = "Zoë \"the fox\" 🦊 李" };
        var bytes = RunFileWriter.ToBytes(run);
        Assert.Contains("Zoë", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(run.Player, RunFileReader.Read(bytes, "x.run.json").Player);
    }

    // Oracle: RULES.md §7, "player: 1 to 40 Unicode scalar values, none of category Cc or Cf". A line or paragraph
    // separator (Zl, Zp) is neither, so a run under such a name is saved and verifies; a zero-width space (Cf) is refused
    // when the run is recorded and when a file carrying it is replayed.
    [Theory]
    [InlineData("a\u2028b", true)]
    [InlineData("a\u2029b", true)]
    [InlineData("a\u200bb", false)]
    public void The_player_name_rule_is_section_7s(string player, bool allowed)
    {
        var level = fixture.Library().Find("t-01")!;
        if (!allowed)
        {
            Assert.Throws<ArgumentException>(() => RunRecorder.Record(level, RunFixture.Choice, player, RunFixture.SavedAt));
            var forged = RunFileReader.Read(RunFileWriter.ToBytes(fixture.Run with { Player = player }), "forged.run.json");
            Assert.EndsWith("a control or format character (U+200B); those are not allowed", RunVerifier.Verify(level, forged).Message, StringComparison.Ordinal);
            return;
        }

        var run = RunRecorder.Record(level, RunFixture.Choice, player, RunFixture.SavedAt);
        var read = RunFileReader.Read(RunFileWriter.ToBytes(run), "x.run.json");
        Assert.Equal(player, read.Player);
        Assert.True(RunVerifier.Verify(level, read).Verified);
    }

    private static void AssertSameResult(RunResult expected, RunResult actual)
    {
        Assert.Equal((expected.Outcome, expected.Steps, expected.Bounces, expected.Score, expected.Stars), (actual.Outcome, actual.Steps, actual.Bounces, actual.Score, actual.Stars));
        AssertSameBits(expected.FinalBeta0, actual.FinalBeta0);
        AssertSameBits(expected.FinalBeta1, actual.FinalBeta1);
        AssertSameBits(expected.FinalCost, actual.FinalCost);
        AssertSameBits(expected.Gap, actual.Gap);
    }

    private static void AssertSameBits(double expected, double actual)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual)); // §7 writes every NaN as "NaN": one NaN comes back
            return;
        }

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
    }
}
