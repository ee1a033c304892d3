using System.Text;
using LittleRedDot.Content.Board;
using LittleRedDot.Content.Tests.TestSupport;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Tests.RunFiles;

/// <summary>Issue 14, kind 10: valid inputs read as what they are, and reported with the numbers they hold.</summary>
public sealed class SmallInaccuracyTests : IDisposable
{
    private readonly RunFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void A_leap_second_is_a_valid_rfc3339_time_read_as_the_instant_after_23_59_59()
    {
        // Oracle: RFC 3339 §5.6 allows second 60; 2016-12-31T23:59:60Z was a real leap second, one second after :59.
        Assert.Equal(new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero), RunFileReader.ParseSavedAt("2016-12-31T23:59:60Z"));
        Assert.Null(RunFileReader.ParseSavedAt("2016-12-31T23:59:61Z"));
    }

    [Fact]
    public void A_fraction_of_any_length_is_read_as_rfc3339_allows()
    {
        // Oracle: RFC 3339 §5.6 time-secfrac is "." 1*DIGIT, any number of digits; §7 only asks for RFC 3339 UTC. The
        // fraction is cut to the 100 ns a DateTimeOffset holds (attacker round 5: 10 digits were refused).
        Assert.Equal(
            new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero).AddTicks(1_234_567),
            RunFileReader.ParseSavedAt("2026-11-26T00:00:00.1234567891Z"));
    }

    [Theory]
    // Oracle: DateTimeOffset holds 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.9999999Z; a leap second is one second past
    // 23:59:59, which the last day of 9999 does not have (issue 14, round two: it overflowed and crashed every reader).
    [InlineData("9999-12-31T23:59:60Z")]
    [InlineData("9999-12-31T23:59:60.5Z")]
    [InlineData("9999-12-31T23:59:60+00:00")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0000-12-31T23:59:60Z")]
    public void A_time_beyond_what_a_DateTimeOffset_holds_is_refused_not_an_overflow(string text)
    {
        Assert.Null(RunFileReader.ParseSavedAt(text));
    }

    [Fact]
    public void The_times_at_both_ends_of_the_range_are_read()
    {
        // Oracle: the ends of DateTimeOffset's range, exact to the second; a leap second one day earlier still fits.
        Assert.Equal(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), RunFileReader.ParseSavedAt("9999-12-31T23:59:59Z"));
        Assert.Equal(new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), RunFileReader.ParseSavedAt("9999-12-30T23:59:60Z"));
        Assert.Equal(DateTimeOffset.MinValue, RunFileReader.ParseSavedAt("0001-01-01T00:00:00Z"));
    }

    [Fact]
    public void A_run_saved_at_the_leap_second_after_9999_is_a_schema_error()
    {
        var level = fixture.Library().Find("t-01")!;
        var text = Encoding.UTF8.GetString(RunFileWriter.ToBytes(RunRecorder.Record(level, RunFixture.Choice, "ada", RunFixture.SavedAt)));
        var leap = text.Replace("2026-11-26T10:15:00Z", "9999-12-31T23:59:60Z", StringComparison.Ordinal);

        var error = Assert.Throws<ContentException>(() => RunFileReader.Read(Encoding.UTF8.GetBytes(leap), "leap.run.json"));

        Assert.Contains("$.savedAt", error.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_saved_at_a_leap_second_reads_back_and_verifies()
    {
        // The digest covers savedAt's text (RULES.md §7), so the run is recorded at that text, not re-written.
        var level = fixture.Library().Find("t-01")!;
        var text = Encoding.UTF8.GetString(RunFileWriter.ToBytes(RunRecorder.Record(level, RunFixture.Choice, "ada", RunFixture.SavedAt)));
        var leap = text.Replace("2026-11-26T10:15:00Z", "2016-12-31T23:59:60Z", StringComparison.Ordinal);

        var read = RunFileReader.Read(Encoding.UTF8.GetBytes(leap), "leap.run.json");

        Assert.Equal("2016-12-31T23:59:60Z", read.SavedAt);
        var verdict = RunVerifier.Verify(level, read);
        Assert.Equal(VerifyReason.DigestDiffers, verdict.Reason); // the digest was made over the other time: read, then refused for that alone
    }

    [Fact]
    public void A_huge_negative_rules_version_is_reported_as_written()
    {
        var text = File.ReadAllText(fixture.RunPath).Replace($"\"rulesVersion\": {RulesVersion.Current}", "\"rulesVersion\": -9000000000", StringComparison.Ordinal);
        Assert.Contains("-9000000000", text, StringComparison.Ordinal);

        var read = RunFileReader.Read(Encoding.UTF8.GetBytes(text), "old.run.json");
        var verdict = RunVerifier.Verify(fixture.Library().Find("t-01"), read);

        Assert.Equal(VerifyReason.OtherRules, verdict.Reason);
        Assert.Contains("rules version -9000000000;", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_level_files_of_one_pack_with_one_id_make_its_runs_refused_not_ranked()
    {
        // RULES.md §6: ids are unique; run and replay refuse such a levels folder, and so does the board.
        fixture.Temp.Write("levels/pack/u.level.json", File.ReadAllText(fixture.LevelPath));
        var library = fixture.Library();
        var levels = new PackLevels(library.Catalog.FindPack("pack")!, library.Loader);

        Assert.Equal(["t-01"], levels.LevelIds);
        var e = Assert.Throws<ContentException>(() => levels.Find("t-01"));
        Assert.Contains("the id \"t-01\" is also used by", e.Message, StringComparison.Ordinal);

        // Both files are named among the pack's problems, which serve refuses to start on.
        Assert.Equal(2, levels.Problems.Count);
        Assert.All(levels.Problems, p => Assert.Equal("$.id", p.Location));
    }

    [Fact]
    public void A_level_id_used_in_two_packs_of_one_root_makes_its_runs_refused_by_the_board_as_by_run_and_replay()
    {
        // RULES.md §6: ids are unique under a levels root, not only within a pack.
        fixture.Temp.Write("levels/other/u.level.json", File.ReadAllText(fixture.LevelPath));
        var library = fixture.Library();
        var levels = new PackLevels(library.Catalog.FindPack("pack")!, library.Loader);

        Assert.Equal(["t-01"], levels.LevelIds); // the column stays: the board lists what it refused
        var board = Assert.Throws<ContentException>(() => levels.Find("t-01"));
        var run = Assert.Throws<ContentException>(() => library.Find("t-01")); // what run and replay meet
        Assert.Equal(run.Message, board.Message);
        Assert.Contains("level ids must be unique under the levels folder", board.Message, StringComparison.Ordinal);
    }
}
