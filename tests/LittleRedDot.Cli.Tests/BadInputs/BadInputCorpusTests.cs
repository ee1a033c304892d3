using LittleRedDot.Cli.Tests.TestSupport;

namespace LittleRedDot.Cli.Tests.BadInputs;

/// <summary>
/// The bad-input corpus of issue 8: one file per case under BadInputs/levels and BadInputs/runs, each answered
/// per RULES.md §8 — the exit code, a message naming the file and the place, never a stack trace or a raw escape.
/// A case is a row here: the file, the exit code, and fragments the message must hold. Cases whose file cannot
/// live in git (a symbolic link out of the root, a 2 GB CSV) are made at test time in a copy of the corpus.
/// </summary>
public sealed class BadInputCorpusTests : IDisposable
{
    private readonly string corpus;
    private readonly LevelsFolder replayLevels = new();

    public BadInputCorpusTests()
    {
        corpus = Directory.CreateTempSubdirectory("lrd-corpus-").FullName;
        Copy(Path.Combine(AppContext.BaseDirectory, "BadInputs"), corpus);
        var outside = Path.Combine(corpus, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.csv"), "x,y\n1,2\n2,3\n");
        File.CreateSymbolicLink(Path.Combine(corpus, "levels", "data", "link.csv"), Path.Combine(outside, "secret.csv"));
        using var huge = new FileStream(Path.Combine(corpus, "levels", "data", "huge.csv"), FileMode.Create, FileAccess.Write);
        huge.SetLength(2L * 1024 * 1024 * 1024); // sparse: 2 GB that take no disk space
    }

    public void Dispose()
    {
        replayLevels.Dispose();
        try
        {
            Directory.Delete(corpus, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }

    [Theory]
    [InlineData("unknown-key", 2, "$.colour", "unknown key \"colour\"")]
    [InlineData("duplicate-key", 2, "$.budget", "duplicate key \"budget\"")]
    [InlineData("number-1e400", 2, "$.tolerance", "does not fit in a double")]
    [InlineData("nan-literal", 2, "line 35, column 16", "not valid JSON ('N' is an invalid start of a value)")]
    [InlineData("infinity-literal", 2, "line 35, column 16", "not valid JSON ('I' is an invalid start of a value)")]
    [InlineData("integer-with-fraction", 2, "$.budget", "without a fraction or exponent), found 50.0")]
    [InlineData("both-fixed", 2, "$.beta1", "at least one must be free")]
    [InlineData("min-above-max", 2, "$.beta0.max", "expected β0 max ≥ min (5), found -5")]
    [InlineData("alpha-min-zero", 2, "$.alpha.min", "expected α min > 0, found 0")]
    [InlineData("alpha-min-negative", 2, "$.alpha.min", "expected α min > 0, found -0.01")]
    [InlineData("alpha-min-above-max", 2, "$.alpha.max", "expected α max ≥ min")]
    [InlineData("tolerance-zero", 2, "$.tolerance", "τ > 0, found 0")]
    [InlineData("tolerance-negative", 2, "$.tolerance", "τ > 0, found -1")]
    [InlineData("budget-zero", 2, "$.budget", "from 1 to 1000000, found 0")]
    [InlineData("budget-too-large", 2, "$.budget", "from 1 to 1000000, found 1000001")]
    [InlineData("par-zero", 2, "$.par", "par from 1 to the budget")]
    [InlineData("par-above-budget", 2, "$.par", "par from 1 to the budget (50), found 51")]
    [InlineData("bad-id", 2, "$.id", "found \"Bad Id!\"")]
    [InlineData("bad-cost", 2, "$.cost", "expected \"mse\" or \"half-mse\", found \"mae\"")]
    [InlineData("control-chars-in-cost", 2, "$.cost", "found \"mse\\u001B[31m\"")]
    [InlineData("newer-rules", 2, "$.rulesVersion", "made for a newer version")]
    [InlineData("rules-version-zero", 2, "$.rulesVersion", "rules version ≥ 1")]
    // Oracle: §6/§8, a key given twice breaks the schema (2), whichever of the two versions comes first; a version past
    // a long's range is still a whole number past this program's: newer rules, not a number out of range.
    [InlineData("rules-version-twice-newer-first", 2, "$.rulesVersion", "duplicate key \"rulesVersion\"")]
    [InlineData("rules-version-past-long", 2, "$.rulesVersion", "made for a newer version of the rules (99999999999999999999)")]
    [InlineData("missing-key", 2, "$", "missing required key \"tolerance\"")]
    [InlineData("one-point", 2, "$.data", "from 2")]
    [InlineData("all-x-equal", 2, "$.data", "Every x is the same")]
    [InlineData("x-all-zero-beta0-fixed", 2, "$.data", "Every x is 0")]
    [InlineData("wrong-type-alpha", 2, "$.alpha", "expected the α range (a JSON object), found an array")]
    [InlineData("wrong-type-budget", 2, "$.budget", "(a whole number), found a string")]
    [InlineData("wrong-type-point", 2, "$.data.points[1][0]", "expected x (a number), found a string")]
    [InlineData("wrong-type-title", 2, "$.title", "found null")]
    [InlineData("x-scale-zero", 2, "$.data.xScale", "≠ 0")]
    [InlineData("truncated", 2, "line ", "not valid JSON")]
    [InlineData("empty", 2, "", "the file is empty")]
    [InlineData("binary", 2, "line 1, column 1", "not valid UTF-8")]
    [InlineData("invalid-utf8", 2, "line 3, column 21", "not valid UTF-8")]
    [InlineData("lone-surrogate", 2, "$.title", "lone surrogate")]
    [InlineData("csv-escape-dotdot", 2, "$.data.csv", "leads out of")]
    [InlineData("csv-absolute", 2, "$.data.csv", "is an absolute path")]
    [InlineData("csv-symlink", 2, "$.data.csv", "symbolic link")]
    [InlineData("csv-too-large", 2, "$.data.csv", "at most 268,435,456 bytes")]
    [InlineData("csv-missing-file", 2, "$.data.csv", "none.csv: file not found")]
    [InlineData("csv-non-numeric", 2, "non-numeric.csv: line 3", "column \"horsepower\" is not a finite number (\"?\")")]
    [InlineData("csv-missing-column", 2, "cars.csv: line 1", "no column named \"weight\"")]
    [InlineData("csv-duplicate-column", 2, "duplicate-column.csv: line 1", "the header names two columns \"horsepower\" (columns 1 and 3)")]
    [InlineData("bom-crlf", 0, null, null)]
    public void A_bad_level_file_is_answered_per_section_8(string name, int exit, string? place, string? message)
    {
        var file = Path.Combine(corpus, "levels", name + ".level.json");
        Assert.True(File.Exists(file), $"corpus file {name}.level.json is missing");

        var result = InProcess.Run("run", file, "--alpha", "0.01", "--beta0", "0", "--beta1", "0", "--levels", Path.Combine(corpus, "levels"));

        Assert.True(result.Exit == exit, $"{name}: {result}");
        InProcess.AssertPlainErrors(result);
        if (exit == 0)
        {
            Assert.Contains("reached the valley", result.Out, StringComparison.Ordinal);
            return;
        }

        // One or a few plain lines: an error naming the file (the level file, or for a bad cell the CSV file)
        // and the place (JSON path, CSV line, or line and column), with what was expected.
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 1, 12);
        Assert.All(lines, l => Assert.StartsWith("error: ", l, StringComparison.Ordinal));
        var named = place!.Contains(".csv", StringComparison.Ordinal) ? string.Empty : name + ".level.json";
        Assert.True(
            lines.Any(l => l.Contains(named, StringComparison.Ordinal) && l.Contains(place, StringComparison.Ordinal) && l.Contains(message!, StringComparison.Ordinal)),
            $"{name}: expected \"{named}\", \"{place}\" and \"{message}\" on one line of:\n{result.Error}");
    }

    [Theory]
    [InlineData("truncated", 2, "not a valid run file: line ")]
    [InlineData("empty", 2, "the file is empty")]
    [InlineData("array", 2, "$: expected a run file (a JSON object), found an array")]
    [InlineData("not-json", 2, "not a valid run file: line 1, column 1")]
    [InlineData("binary", 2, "not valid UTF-8")]
    [InlineData("number-1e400", 2, "$.result.cost: expected the final J (a finite number), found 1e400")]
    [InlineData("integer-with-fraction", 2, "$.result.steps: expected the step count (a whole number written without a fraction or exponent)")]
    [InlineData("wrong-type-alpha", 2, "$.choice.alpha: expected α (a number, or \"NaN\", \"Infinity\" or \"-Infinity\"), found a string")]
    [InlineData("wrong-type-choice", 2, "$.choice: expected the choice (a JSON object), found an array")]
    [InlineData("wrong-type-player", 2, "$.player: expected the player name (a string), found the number 42")]
    [InlineData("wrong-type-level", 2, "$.level: expected the level (a JSON object), found a string")]
    [InlineData("wrong-type-saved-at", 2, "$.savedAt: expected savedAt (a string)")]
    [InlineData("wrong-type-digest", 2, "$.digest: expected the digest (a string), found null")]
    [InlineData("wrong-type-outcome", 2, "$.result.outcome: expected \"reached\", \"diverged\" or \"out-of-steps\", found \"won\"")]
    [InlineData("wrong-type-rules-version", 2, "$.rulesVersion: expected the rules version (a whole number), found a string")]
    [InlineData("unknown-format", 2, "$.format: expected \"littlereddot-run\", found \"osu-replay\"")]
    [InlineData("unknown-key", 2, "$.bonus: unknown key \"bonus\"")]
    [InlineData("missing-digest", 2, "missing required key \"digest\"")]
    [InlineData("bad-saved-at", 2, "$.savedAt: expected an RFC 3339 UTC time")]
    // Oracle: RFC 3339 allows second 60 and year 0000, but DateTimeOffset holds neither 9999-12-31T23:59:60Z (one
    // second past its end) nor year 0; §8: a run file breaking the schema exits 2, never an internal error.
    [InlineData("saved-at-leap-second-9999", 2, "$.savedAt: expected an RFC 3339 UTC time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z")]
    [InlineData("saved-at-year-0000", 2, "$.savedAt: expected an RFC 3339 UTC time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z")]
    [InlineData("other-rules-version", 1, "made under other rules (rules version 2")]
    // Oracle: §7/§8, a key given twice breaks the schema (2) under any rules: which rules apply cannot depend on order.
    [InlineData("rules-version-twice-newer-first", 2, "$.rulesVersion: duplicate key \"rulesVersion\"")]
    [InlineData("rules-version-twice-current-first", 2, "$.rulesVersion: duplicate key \"rulesVersion\"")]
    [InlineData("unknown-level", 1, "level not found: no level \"no-such-level\"")]
    // Oracle: §8 puts "a choice out of range" and a run file breaking the schema (§7: player is 1 to 40 scalar values,
    // none Cc or Cf) under 2; "where several apply, the highest of 2, 1, 0 wins" over "a replay that does not verify" (1).
    [InlineData("player-escape-sequence", 2, "player name not allowed: the player name holds a control or format character (U+001B)")]
    [InlineData("player-bidi-override", 2, "player name not allowed: the player name holds a control or format character (U+202E)")]
    [InlineData("player-too-long", 2, "player name not allowed: the player name has 41 characters")]
    [InlineData("alpha-out-of-range", 2, "choice out of range: α = 0.5 is outside this level's range [0.001, 0.2]")]
    [InlineData("tampered-steps", 1, "result.steps differs: stored 2, recomputed 3")]
    [InlineData("tampered-digest", 1, "digest differs")]
    public void A_bad_run_file_is_answered_per_section_8(string name, int exit, string message)
    {
        var file = Path.Combine(corpus, "runs", name + ".run.json");
        Assert.True(File.Exists(file), $"corpus file {name}.run.json is missing");

        var result = InProcess.Run("replay", file, "--levels", replayLevels.Root);

        Assert.True(result.Exit == exit, $"{name}: {result}");
        InProcess.AssertPlainErrors(result);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length); // the file's line, then the summary
        Assert.Contains(name + ".run.json: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(message, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_run_corpus_at_once_exits_2_and_reports_every_file()
    {
        var files = Directory.GetFiles(Path.Combine(corpus, "runs"), "*.run.json");
        var result = InProcess.Run(["replay", .. files, "--levels", replayLevels.Root]);
        Assert.Equal(2, result.Exit); // the highest of 2, 1, 0 wins
        Assert.Contains($"{files.Length} files: 0 verified", result.Out, StringComparison.Ordinal);
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void Every_corpus_file_has_a_case()
    {
        // A file added to the corpus without a row above would prove nothing; keep the two in step.
        var levelCases = typeof(BadInputCorpusTests).GetMethod(nameof(A_bad_level_file_is_answered_per_section_8))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>().Select(a => (string)a.GetData(null!).First()[0]).ToHashSet();
        var runCases = typeof(BadInputCorpusTests).GetMethod(nameof(A_bad_run_file_is_answered_per_section_8))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>().Select(a => (string)a.GetData(null!).First()[0]).ToHashSet();
        var levelFiles = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "BadInputs", "levels"), "*.level.json").Select(f => Path.GetFileName(f)[..^".level.json".Length]).ToHashSet();
        var runFiles = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "BadInputs", "runs"), "*.run.json").Select(f => Path.GetFileName(f)[..^".run.json".Length]).ToHashSet();

        Assert.Equal(levelFiles.Order(StringComparer.Ordinal), levelCases.Order(StringComparer.Ordinal));
        Assert.Equal(runFiles.Order(StringComparer.Ordinal), runCases.Order(StringComparer.Ordinal));
    }

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
