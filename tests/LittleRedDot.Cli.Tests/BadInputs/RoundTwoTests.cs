using System.Diagnostics;
using System.Text;
using LittleRedDot.Cli.Tests.TestSupport;
using LittleRedDot.Content;
using LittleRedDot.Content.Progress;

namespace LittleRedDot.Cli.Tests.BadInputs;

/// <summary>
/// Issue 14's kinds of bad input, one case or more each, answered per RULES.md §8: never a hang, a stack trace or a raw
/// escape; a plain message naming the file; the right exit code; nothing overwritten that is not a regular file.
/// Files that cannot live in git (pipes, devices, links, paths past the system's limit) are made here.
/// </summary>
public sealed class RoundTwoTests : IDisposable
{
    private readonly LevelsFolder levels = new();

    public void Dispose() => levels.Dispose();

    private string SavedRun()
    {
        var file = levels.Combine("saved.run.json");
        var result = InProcess.Run("run", levels.LevelPath, "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--save", file, "--levels", levels.Root);
        Assert.True(result.Exit == 0, result.ToString());
        return file;
    }

    [Fact]
    public void A_named_pipe_held_open_by_a_writer_is_refused_by_board_and_replay_without_waiting()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var runs = levels.Combine("runs");
        Directory.CreateDirectory(runs);
        File.Copy(SavedRun(), Path.Combine(runs, "a.run.json"));
        var pipe = Path.Combine(runs, "zz.run.json");
        using (var mkfifo = Process.Start("mkfifo", [pipe])!)
        {
            Assert.True(mkfifo.WaitForExit(TimeSpan.FromSeconds(30)) && mkfifo.ExitCode == 0, "mkfifo failed");
        }

        // A writer holds the pipe open, as `sleep 1000 > runs/zz.run.json &` does: reading it would wait for ever.
        using var writer = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "exec sleep 60 > \"$0\"", pipe } })!;
        try
        {
            // Written long before the in-process clock's now, so that the board does not wait for it as a file still being written.
            File.SetLastWriteTimeUtc(pipe, InProcess.Now.UtcDateTime.AddDays(-1));
            foreach (var args in new[] { new[] { "board", "pack", runs }, ["replay", runs] })
            {
                var result = InProcess.Run([.. args, "--levels", levels.Root]);

                // Oracle: FileKind refuses a named pipe by its type, before it is opened (no wall clock needed: a hang fails the run).
                Assert.Contains("zz.run.json: cannot be read (not a regular file", result.Out, StringComparison.Ordinal);
                InProcess.AssertPlainErrors(result);
            }
        }
        finally
        {
            writer.Kill();
            writer.WaitForExit();
        }
    }

    [Fact]
    public void A_named_pipe_as_a_level_file_is_refused_through_the_program_s_own_file_system()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var pipe = levels.Combine("p.level.json");
        Shell("mkfifo \"$0\"", pipe);

        // The program reads through an overlay of its shipped levels, not the bare disk: the kind is still the disk's.
        var overlay = new LittleRedDot.Shipped.OverlayFileSystem(new System.IO.Abstractions.FileSystem(), levels.Combine("shipped"), () => new System.IO.Abstractions.FileSystem());
        var result = InProcess.Run(overlay, "run", pipe, "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--levels", levels.Root);

        Assert.Equal(2, result.Exit); // §8: an unreadable level file is bad input
        Assert.Contains("p.level.json: cannot be read (not a regular file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_as_a_run_file_or_a_csv_is_not_a_regular_file()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var result = InProcess.Run("replay", "/dev/zero", "--levels", levels.Root);

        Assert.Equal(2, result.Exit); // §8: an unreadable run file is bad input
        Assert.Contains("/dev/zero: cannot be read (not a regular file", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_onto_a_device_is_refused_and_the_device_is_left_alone()
    {
        if (!File.Exists("/dev/null"))
        {
            return;
        }

        var result = InProcess.Run("run", levels.LevelPath, "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--save", "/dev/null", "--levels", levels.Root);

        Assert.Equal(2, result.Exit); // §8: a failed save is exit 2
        Assert.Contains("/dev/null: is not a regular file", result.Error, StringComparison.Ordinal);
        Assert.Equal(FileKindName.Other, FileKind.Of(new System.IO.Abstractions.FileSystem(), "/dev/null"));
    }

    [Fact]
    public void Saving_through_a_symbolic_link_with_force_replaces_the_file_it_leads_to_and_keeps_the_link()
    {
        var target = levels.Write("target.run.json", "old");
        var link = levels.Combine("link.run.json");
        File.CreateSymbolicLink(link, target);
        string[] run = ["run", levels.LevelPath, "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--save", link, "--levels", levels.Root];

        var refused = InProcess.Run(run);
        Assert.Equal(2, refused.Exit); // §8: a failed save is exit 2; the file the link leads to exists
        Assert.Equal("old", File.ReadAllText(target));

        var result = InProcess.Run([.. run, "--force"]);
        Assert.True(result.Exit == 0, result.ToString());
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.StartsWith("{", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_save_target_is_kept_unless_force_is_given()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var file = levels.Write("ro.run.json", "old");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        string[] run = ["run", levels.LevelPath, "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--save", file, "--levels", levels.Root];

        var refused = InProcess.Run(run);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("exists; it is left as it is", refused.Error, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(file));

        var forced = InProcess.Run([.. run, "--force"]);
        Assert.True(forced.Exit == 0, forced.ToString());
        Assert.StartsWith("{", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_save_target_is_never_replaced_without_force_and_the_message_says_how()
    {
        // A better run saved first, then a worse one onto the same name: the best stays. A level file is no run file either.
        var best = levels.Combine("best.run.json");
        string[] good = ["run", levels.LevelPath, "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--save", best, "--levels", levels.Root];
        var first = InProcess.Run(good);
        Assert.True(first.Exit == 0, first.ToString());
        var kept = File.ReadAllBytes(best);

        var second = InProcess.Run([.. good[..2], "--alpha", "0.01", .. good[4..]]);
        Assert.Equal(2, second.Exit); // §8: a failed save is exit 2
        Assert.Contains("best.run.json: exists; it is left as it is (replace it on purpose with --force)", second.Error, StringComparison.Ordinal);
        Assert.Equal(kept, File.ReadAllBytes(best));

        var levelBytes = File.ReadAllBytes(levels.LevelPath);
        var ontoLevel = InProcess.Run([.. good[..^3], levels.LevelPath, "--levels", levels.Root]);
        Assert.Equal(2, ontoLevel.Exit);
        Assert.Equal(levelBytes, File.ReadAllBytes(levels.LevelPath));
        Assert.Empty(Directory.GetFiles(levels.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_folder_whose_path_is_past_the_system_limit_is_listed_and_the_rest_still_ranks()
    {
        var runs = levels.Combine("runs");
        Directory.CreateDirectory(runs);
        File.Copy(SavedRun(), Path.Combine(runs, "a.run.json"));

        // 25 folders of 200 characters: 5,000 characters, past Linux's 4,096. `mkdir -p` makes them one step at a time
        // from the folder before (as a person's shell can); no single path to them could be given to the system.
        var deep = string.Join('/', Enumerable.Repeat(new string('d', 200), 25));
        Shell("cd \"$0\" && mkdir -p \"$1\"", runs, deep);
        try
        {
            foreach (var args in new[] { new[] { "board", "pack", runs }, ["replay", runs] })
            {
                var result = InProcess.Run([.. args, "--levels", levels.Root]);

                Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
                Assert.Contains(args[0] == "board" ? "ada" : "a.run.json: verified", result.Out, StringComparison.Ordinal);
                Assert.Contains("dddd", result.Out, StringComparison.Ordinal); // the folder that cannot be listed is named
                InProcess.AssertPlainErrors(result);
            }
        }
        finally
        {
            Shell("rm -rf \"$0\"", runs); // Directory.Delete cannot name the deepest folders either
        }
    }

    [Theory]
    [InlineData("{ \"title\": ")]
    [InlineData("[1, 2]")]
    public void A_broken_pack_json_is_reported_with_its_pack_and_the_other_packs_still_list(string packJson)
    {
        levels.Write("levels/other/t-02.level.json", LevelsFolder.Level.Replace("\"t-01\"", "\"t-02\"", StringComparison.Ordinal));
        levels.Write("levels/other/pack.json", packJson);

        var result = InProcess.Run("levels", "--levels", levels.Root);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("t-01", result.Out, StringComparison.Ordinal);
        Assert.Contains("t-02", result.Out, StringComparison.Ordinal);
        Assert.Contains("pack.json", result.Out, StringComparison.Ordinal);
        Assert.Contains("warning:", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"LittleRedDot\": {\"Player\": \"a\", \"player\": \"b\"}}", "LittleRedDot:player")]
    [InlineData("{\"A\": 1, \"A\": 2}", "twice")]
    [InlineData("[1]", "not a JSON object")]
    public void A_broken_settings_file_is_reported_and_ignored(string text, string said)
    {
        var file = levels.Write("settings.json", text);
        var store = new SettingsStore(new System.IO.Abstractions.FileSystem(), file, TimeProvider.System);

        var pairs = store.ConfigurationPairs();

        Assert.Empty(pairs);
        Assert.Contains(said, store.Problem, StringComparison.Ordinal);
        Assert.Equal(new GameSettings().Player, store.Load().Player);
    }

    [Fact]
    public void A_good_settings_file_gives_configuration_its_keys_as_the_json_provider_would()
    {
        var file = levels.Write("settings.json", "{\"LittleRedDot\": {\"Player\": \"ada\", \"LastChoices\": {\"t-01\": {\"alpha\": 0.1}}}, \"List\": [\"x\", true]}");

        var pairs = new SettingsStore(new System.IO.Abstractions.FileSystem(), file, TimeProvider.System).ConfigurationPairs();

        // Oracle: Microsoft.Extensions.Configuration's JSON keys — sections joined with ':', array items by index.
        Assert.Equal("ada", pairs["littlereddot:player"]);
        Assert.Equal("0.1", pairs["LittleRedDot:LastChoices:t-01:alpha"]);
        Assert.Equal("x", pairs["List:0"]);
        Assert.Equal("true", pairs["List:1"]);
    }

    [Fact]
    public void A_player_name_starting_with_an_at_sign_is_a_name_not_a_response_file()
    {
        var file = levels.Combine("at.run.json");
        var result = InProcess.Run("run", levels.LevelPath, "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--player", "@bob", "--save", file, "--levels", levels.Root);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("\"player\": \"@bob\"", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_points_past_the_limit_are_refused_by_count_before_they_are_read()
    {
        // 10,000,001 points of "[0,0]," — 60 MB of level file; refused by counting, not by running out of memory.
        var sb = new StringBuilder("{\"id\":\"big\",\"title\":\"Big\",\"rulesVersion\":1,\"cost\":\"mse\",\"data\":{\"points\":[");
        sb.Insert(sb.Length, "[0,1],", Engine.DataSet.MaxPoints).Append("[1,2]]},\"beta0\":{\"min\":-1,\"max\":1},\"beta1\":{\"min\":-1,\"max\":1},\"alpha\":{\"min\":0.01,\"max\":0.1},\"budget\":50,\"tolerance\":0.01,\"par\":10}");
        var file = levels.Write("big.level.json", sb.ToString());

        var result = InProcess.Run("run", file, "--alpha", "0.05", "--beta0", "0", "--beta1", "0", "--levels", levels.Root);

        Assert.Equal(2, result.Exit);
        Assert.Contains("$.data.points: expected at most 10,000,000 points, found 10,000,001", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void New_level_refuses_a_csv_that_is_its_own_output_and_leaves_the_data_alone()
    {
        var data = levels.Write("out/data.level.json", "x,y\n1,2\n2,3\n3,5\n4,4\n");

        var result = InProcess.Run("new-level", "--from-csv", data, "--x", "x", "--y", "y", "--out", data, "--force", "--levels", levels.Root);

        Assert.Equal(2, result.Exit);
        Assert.Contains("is the data file being read", result.Error, StringComparison.Ordinal);
        Assert.Equal("x,y\n1,2\n2,3\n3,5\n4,4\n", File.ReadAllText(data));
    }

    [Fact]
    public void A_failed_new_level_leaves_no_copy_of_its_csv_behind()
    {
        // The id t-01 is taken under the levels root (§6), found only after the CSV copy was written beside the level.
        var csv = levels.Write("in/fresh.csv", "x,y\n1,2\n2,3\n3,5\n4,4\n5,7\n");
        var output = levels.Combine("levels", "pack", "fresh.level.json");

        var result = InProcess.Run("new-level", "--from-csv", csv, "--x", "x", "--y", "y", "--id", "t-01", "--out", output, "--levels", levels.Root);

        Assert.Equal(1, result.Exit);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(levels.Combine("levels", "pack", "fresh.csv")), "the copied CSV was left behind:\n" + result);
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void New_level_from_a_csv_of_a_header_only_says_so()
    {
        var csv = levels.Write("in/empty.csv", "x,y\n");

        var result = InProcess.Run("new-level", "--from-csv", csv, "--x", "x", "--y", "y", "--out", levels.Combine("out", "empty.level.json"), "--levels", levels.Root);

        // Oracle: the importer's count of rows to play, zero here (found by the attacker round: it was "internal error").
        Assert.Equal(2, result.Exit);
        Assert.Contains("no row is left to play (0 rows read", result.Error, StringComparison.Ordinal);
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void Board_csv_and_markdown_neither_run_formulas_nor_pass_markup()
    {
        var runs = levels.Combine("runs");
        Directory.CreateDirectory(runs);
        foreach (var (player, name) in new[] { ("=HYPERLINK(\"http://x\")", "a"), ("a\\|b<img src=x>[l](u)", "b") })
        {
            var saved = InProcess.Run("run", levels.LevelPath, "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--player", player, "--save", Path.Combine(runs, name + ".run.json"), "--levels", levels.Root);
            Assert.True(saved.Exit == 0, saved.ToString());
        }

        var csv = InProcess.Run("board", "pack", runs, "--format", "csv", "--levels", levels.Root);
        var markdown = InProcess.Run("board", "pack", runs, "--format", "markdown", "--levels", levels.Root);

        // Oracle: OWASP's CSV-injection advice — a cell starting with = + - @ gets a leading apostrophe.
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", csv.Out, StringComparison.Ordinal);

        // Every row keeps the header's cell count, and no tag or link passes through.
        var rows = markdown.Out.Split('\n').Where(l => l.StartsWith('|')).ToList();
        Assert.All(rows, r => Assert.Equal(Cells(rows[0]), Cells(r)));
        Assert.Contains("a\\\\\\|b&lt;img src=x&gt;\\[l\\]\\(u\\)", markdown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Board_table_columns_line_up_in_terminal_columns_with_emoji_and_combining_marks()
    {
        var runs = levels.Combine("runs");
        Directory.CreateDirectory(runs);
        foreach (var (player, name) in new[] { ("ada", "a"), ("🦊🦊", "b"), ("e\u0301e\u0301", "c") })
        {
            var saved = InProcess.Run("run", levels.LevelPath, "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--player", player, "--save", Path.Combine(runs, name + ".run.json"), "--levels", levels.Root);
            Assert.True(saved.Exit == 0, saved.ToString());
        }

        var table = InProcess.Run("board", "pack", runs, "--levels", levels.Root);

        // Oracle: Unicode East Asian Width — 🦊 takes two columns, a combining acute accent none; so every row of the
        // table is as wide as its header row in terminal columns.
        var lines = table.Out.Split('\n').Skip(1).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(5, lines.Count); // header, rule, three players
        Assert.All(lines, l => Assert.Equal(TerminalWriter.Columns(lines[0]), TerminalWriter.Columns(l)));
    }

    private static void Shell(string script, params string[] args)
    {
        var start = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", script } };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var shell = Process.Start(start)!;
        Assert.True(shell.WaitForExit(TimeSpan.FromSeconds(30)) && shell.ExitCode == 0, $"sh -c {script} failed");
    }

    /// <summary>Table cells in a Markdown row: bars not escaped by a backslash.</summary>
    private static int Cells(string row)
    {
        var count = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\')
            {
                i++;
            }
            else if (row[i] == '|')
            {
                count++;
            }
        }

        return count;
    }
}
