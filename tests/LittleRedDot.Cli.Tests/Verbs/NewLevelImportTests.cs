using System.Diagnostics;
using System.IO.Abstractions;
using System.Text;
using LittleRedDot.Cli.Tests.TestSupport;
using LittleRedDot.Content;
using LittleRedDot.Content.Tests.TestSupport;
using LittleRedDot.Engine;

namespace LittleRedDot.Cli.Tests.Verbs;

/// <summary>
/// `new-level --from` as a facilitator uses it (issue 15): files of every shape, made here, become valid levels whose
/// played points are exactly the source rows; what it prints is what it did; it writes nothing on failure or dry run.
/// </summary>
public sealed class NewLevelImportTests : IDisposable
{
    private static readonly double[] Xs = [1.5, 2.25, 3.5, 4.75, 6, 7.125, 8.5, 9.25];
    private static readonly double[] Ys = [3.1, 4.4, 7.2, 9.1, 11.8, 14.25, 16.5, 18.8];

    private readonly LevelsFolder levels = new();

    public void Dispose() => levels.Dispose();

    public static TheoryData<string, string[]> Shapes() => new()
    {
        { "comma.csv", ["--x", "x", "--y", "y"] },
        { "spreadsheet.csv", ["--x", "x", "--y", "y"] },
        { "unicode.txt", ["--x", "x", "--y", "y"] },
        { "headerless.txt", ["--x", "1", "--y", "2", "--no-header"] },
        { "gaps.csv", ["--x", "x", "--y", "y", "--drop-incomplete"] },
        { "book.xlsx", ["--x", "x", "--y", "y"] },
        { "old.xls", ["--x", "x", "--y", "y"] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_shape_becomes_a_valid_level_playing_exactly_the_source_rows(string name, string[] options)
    {
        var source = WriteSource(name);
        var level = levels.Combine("levels", "mine", "fresh.level.json");

        var made = InProcess.Run(["new-level", "--from", source, .. options, "--both-free", "--out", level, "--levels", levels.Root]);

        Assert.True(made.Exit == 0, made.ToString());
        var definition = new LevelLoader(new FileSystem(), levels.Root).Load(level);
        var data = definition.Spec.Data;
        // Oracle: RULES.md §6 plays x' = (x − xShift) / xScale and y' likewise, in this order of operations; the
        // source rows are Xs, Ys. Compared by value with tolerance 0.
        Assert.Equal(Xs.Select(x => (x - data.XShift) / data.XScale), definition.Level.Data.X.ToArray());
        Assert.Equal(Ys.Select(y => (y - data.YShift) / data.YScale), definition.Level.Data.Y.ToArray());
        Assert.Equal(0, InProcess.Run("check-levels", level, "--levels", levels.Root).Exit);
    }

    [Fact]
    public void The_report_says_what_was_read_assumed_dropped_and_chosen()
    {
        var made = InProcess.Run("new-level", "--from", WriteSource("gaps.csv"), "--x", "x", "--y", "y", "--drop-incomplete", "--out", levels.Combine("levels", "mine", "g.level.json"), "--levels", levels.Root);

        // Oracle: gaps.csv as written below — 8 good rows and gaps on lines 3 and 6, ';' with decimal commas, UTF-8.
        Assert.Contains("UTF-8, delimiter ';', decimal comma", made.Out, StringComparison.Ordinal);
        Assert.Contains("10 rows read, 8 rows kept, 2 rows dropped for a gap in x or y (lines 3, 6)", made.Out, StringComparison.Ordinal);
        Assert.Contains("x as it is", made.Out, StringComparison.Ordinal);
        Assert.Contains("preview: 8 points as played", made.Out, StringComparison.Ordinal);
        Assert.Contains("par: α = ", made.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Gaps_without_drop_incomplete_fail_naming_the_lines_and_write_nothing()
    {
        var folder = levels.Combine("levels", "mine");

        var made = InProcess.Run("new-level", "--from", WriteSource("gaps.csv"), "--x", "x", "--y", "y", "--out", Path.Combine(folder, "g.level.json"), "--levels", levels.Root);

        Assert.Equal(2, made.Exit);
        Assert.Contains("lines 3, 6", made.Error, StringComparison.Ordinal);
        Assert.Contains("--drop-incomplete", made.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
        InProcess.AssertPlainErrors(made);
    }

    [Fact]
    public void A_dry_run_checks_and_previews_but_writes_nothing()
    {
        var folder = levels.Combine("levels", "mine");

        var made = InProcess.Run("new-level", "--from", WriteSource("comma.csv"), "--x", "x", "--y", "y", "--dry-run", "--out", Path.Combine(folder, "d.level.json"), "--levels", levels.Root);

        Assert.True(made.Exit == 0, made.ToString());
        Assert.Contains("dry run: level \"d\" is valid; nothing written", made.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_failed_check_leaves_no_file_and_no_staging_folder_behind()
    {
        var folder = levels.Combine("levels", "pack");
        var before = Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order().ToArray();

        // t-01 is taken under this root (LevelsFolder): the level would be invalid, so nothing may be moved in.
        var made = InProcess.Run("new-level", "--from", WriteSource("comma.csv"), "--x", "x", "--y", "y", "--id", "t-01", "--out", Path.Combine(folder, "dup.level.json"), "--levels", levels.Root);

        Assert.Equal(1, made.Exit);
        Assert.Equal(before, Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order().ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_data_being_read_is_never_overwritten_even_with_force(bool force)
    {
        var source = levels.Combine("levels", "mine", "data.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        File.Copy(WriteSource("spreadsheet.csv"), source);
        var bytes = File.ReadAllBytes(source);

        // data.level.json's CSV would be data.csv: the very file being read.
        string[] args = ["new-level", "--from", source, "--x", "x", "--y", "y", "--out", levels.Combine("levels", "mine", "data.level.json"), "--levels", levels.Root];
        var made = InProcess.Run(force ? [.. args, "--force"] : args);

        Assert.Equal(2, made.Exit);
        Assert.Contains("is the data file being read", made.Error, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(source));
        Assert.False(File.Exists(levels.Combine("levels", "mine", "data.level.json")));
    }

    [Fact]
    public void A_named_pipe_is_refused_without_waiting_for_a_writer()
    {
        var fifo = levels.Combine("pipe.csv");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false })!)
        {
            Assert.True(mkfifo.WaitForExit(10_000), "mkfifo did not finish");
        }

        // If the importer opened the pipe it would wait forever: no writer ever comes.
        var made = InProcess.Run("new-level", "--from", fifo, "--x", "x", "--y", "y", "--out", levels.Combine("out", "p.level.json"), "--levels", levels.Root);

        Assert.Equal(2, made.Exit);
        Assert.Contains("not a regular file", made.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_story_says_centred_only_when_x_is_shifted_and_credits_do_not_repeat_data(bool farAway)
    {
        // Years (far from 0) must be shifted; x near 0 must not be.
        var source = levels.Write("years.csv", "x,y\n" + string.Concat(Xs.Select((x, i) => $"{(farAway ? 2000 + x : x).ToString(System.Globalization.CultureInfo.InvariantCulture)},{Ys[i].ToString(System.Globalization.CultureInfo.InvariantCulture)}\n")));
        var level = levels.Combine("levels", "mine", "s.level.json");

        var made = InProcess.Run("new-level", "--from", source, "--x", "x", "--y", "y", "--out", level, "--levels", levels.Root);

        Assert.True(made.Exit == 0, made.ToString());
        var spec = new LevelLoader(new FileSystem(), levels.Root).ReadSpec(level);
        Assert.Equal(spec.Data.XShift != 0, spec.Story!.Contains("centred", StringComparison.Ordinal) && spec.Story.Contains("x is centred", StringComparison.Ordinal));
        Assert.Equal(farAway, spec.Data.XShift != 0);
        Assert.False(spec.Credits!.StartsWith("Data", StringComparison.OrdinalIgnoreCase)); // the game puts "Data: " before it
    }

    [Fact]
    public void Check_levels_takes_a_level_id()
    {
        var result = InProcess.Run("check-levels", "t-01", "--levels", levels.Root);

        // t-01's start box holds its floor (LevelsFolder), so it is checked and found invalid (exit 1) — but found by id.
        Assert.True(result.Exit == 1 && result.Error.Length == 0, result.ToString());
        Assert.Contains("pack/t-01.level.json: INVALID", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 level: 0 valid, 1 invalid", result.Out, StringComparison.Ordinal);
        Assert.Contains("par: ", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x;y\n1;2\n2;3\n3;5\n", "';'")]
    [InlineData("x\ty\n1\t2\n2\t3\n3\t5\n", "tabs")]
    [InlineData("1,2\n2,3\n3,5\n", "no header row")]
    public void The_strict_reader_names_the_likely_cause_and_points_to_the_importer(string csv, string cause)
    {
        levels.Write("levels/pack/odd.csv", csv);
        var level = levels.Write("levels/pack/odd.level.json", LevelsFolder.Level
            .Replace("\"t-01\"", "\"odd\"", StringComparison.Ordinal)
            .Replace("{ \"points\": [[1, 2], [2, 3], [3, 5]] }", "{ \"csv\": \"odd.csv\", \"x\": \"x\", \"y\": \"y\" }", StringComparison.Ordinal));

        var result = InProcess.Run("check-levels", level, "--levels", levels.Root);

        Assert.Equal(1, result.Exit);
        var line = Assert.Single(result.Out.Split('\n'), l => l.Contains("error:", StringComparison.Ordinal));
        Assert.Contains(cause, line, StringComparison.Ordinal);
        Assert.Contains("new-level --from", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_strict_reader_names_a_utf16_byte_order_mark()
    {
        levels.Write("levels/pack/odd.level.json", LevelsFolder.Level
            .Replace("\"t-01\"", "\"odd\"", StringComparison.Ordinal)
            .Replace("{ \"points\": [[1, 2], [2, 3], [3, 5]] }", "{ \"csv\": \"odd.csv\", \"x\": \"x\", \"y\": \"y\" }", StringComparison.Ordinal));
        File.WriteAllBytes(levels.Combine("levels", "pack", "odd.csv"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("x,y\n1,2\n2,3\n")]);

        var result = InProcess.Run("check-levels", "odd", "--levels", levels.Root);

        Assert.Contains("UTF-16 byte-order mark", result.Out, StringComparison.Ordinal);
        Assert.Contains("new-level --from", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(7, false)]
    [InlineData(11, true)]
    [InlineData(2026, true)]
    public void Par_comes_from_the_readable_choice_check_levels_names_and_that_choice_does_what_it_says(int seed, bool bothFree)
    {
        var level = levels.Combine("levels", "mine", $"s{seed}.level.json");
        string[] args = ["new-level", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", level, "--levels", levels.Root];
        Assert.Equal(0, InProcess.Run(bothFree ? [.. args, "--both-free"] : args).Exit);

        using var report = System.Text.Json.JsonDocument.Parse(InProcess.Run("check-levels", level, "--json", "--levels", levels.Root).Out);
        var readable = report.RootElement[0].GetProperty("readable");
        string R(string name) => readable.GetProperty(name).GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        string[] run = ["run", level, "--json", "--levels", levels.Root, "--alpha", R("alpha"), "--beta1", R("beta1")];
        using var result = System.Text.Json.JsonDocument.Parse(InProcess.Run(bothFree ? [.. run, "--beta0", R("beta0")] : run).Out);

        // Oracle: the engine's own run of the named choice (RULES.md §3) reaches in the steps check-levels names, and
        // the designer's par is those steps plus a fifth (at least one), as new-level says.
        var steps = readable.GetProperty("steps").GetInt32();
        Assert.Equal("reached", result.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(steps, result.RootElement.GetProperty("steps").GetInt32());
        Assert.Equal(steps + Math.Max(1, steps / 5), result.RootElement.GetProperty("par").GetInt32());
        var alpha = readable.GetProperty("alpha").GetDouble();
        var digit = alpha / Math.Pow(10, Math.Floor(Math.Log10(alpha)));
        Assert.True(Math.Abs(digit - Math.Round(digit)) < 1e-9, $"α = {alpha} has more than one significant digit"); // one digit, as a person types it
    }

    /// <summary>Xs, Ys with ';' and decimal commas, and two rows with a gap: on lines 3 (empty x) and 6 (y "NA").</summary>
    private static string Gaps()
    {
        var rows = Xs.Select((x, i) => $"{DoubleText.RoundTrip(x).Replace('.', ',')};{DoubleText.RoundTrip(Ys[i]).Replace('.', ',')}").ToList();
        rows.Insert(1, ";1,5");
        rows.Insert(4, "7;NA");
        return "x;y\n" + string.Join("\n", rows) + "\n";
    }

    /// <summary>The same rows (Xs, Ys) in each shape a facilitator brings.</summary>
    private string WriteSource(string name)
    {
        static string N(double v, bool comma) => comma ? DoubleText.RoundTrip(v).Replace('.', ',') : DoubleText.RoundTrip(v);
        string Lines(string d, bool comma) => string.Concat(Xs.Select((x, i) => $"{N(x, comma)}{d}{N(Ys[i], comma)}\r\n"));
        var path = levels.Combine("in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        byte[] bytes = name switch
        {
            "comma.csv" => Encoding.UTF8.GetBytes("x,y\n" + Lines(",", false)),
            "spreadsheet.csv" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("x;y\r\n" + Lines(";", true))],
            "unicode.txt" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("x\ty\r\n" + Lines("\t", true))],
            "headerless.txt" => Encoding.UTF8.GetBytes(Lines("\t", false)),
            "gaps.csv" => Encoding.UTF8.GetBytes(Gaps()),
            "book.xlsx" => XlsxBuilder.Build(("Data", [(1, ["x", "y"]), .. Xs.Select((x, i) => (i + 2, new object?[] { x, Ys[i] }))])),
            "old.xls" => XlsBuilder.Build("Tabelle1", [(1, ["x", "y"]), .. Xs.Select((x, i) => (i + 2, new object?[] { x, Ys[i] }))]),
            _ => throw new ArgumentException(name),
        };
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
