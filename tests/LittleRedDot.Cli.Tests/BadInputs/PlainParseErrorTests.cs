using System.CommandLine;
using System.Text;
using LittleRedDot.Cli.Tests.TestSupport;
using LittleRedDot.Content;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace LittleRedDot.Cli.Tests.BadInputs;

/// <summary>
/// Issue 14, round two: every option's parse error speaks plainly (`new-level --seed abc` printed
/// 'System.Nullable`1[System.Int32]'); new-level exits 1 when the data makes no level (§8); a header that names a
/// chosen column twice is refused in words.
/// </summary>
public sealed class PlainParseErrorTests : IDisposable
{
    private readonly LevelsFolder levels = new();
    private readonly UserFolders folders;

    public PlainParseErrorTests()
    {
        var home = levels.Combine("home");
        folders = new UserFolders(v => v switch { "XDG_DATA_HOME" => Path.Combine(home, "data"), "XDG_CONFIG_HOME" => Path.Combine(home, "config"), "XDG_STATE_HOME" => Path.Combine(home, "state"), _ => null }, home);
    }

    public void Dispose() => levels.Dispose();

    /// <summary>Every option of every verb that takes a value, as (verb, option).</summary>
    public static TheoryData<string, string> ValueOptions()
    {
        using var output = new StringWriter();
        var context = new CliContext(output, output, new System.IO.Abstractions.FileSystem(), new FakeTimeProvider(), new ConfigurationBuilder().Build());
        var data = new TheoryData<string, string>();
        foreach (var verb in new CliApp(context).Build().Subcommands)
        {
            foreach (var option in verb.Options.Where(o => o.ValueType != typeof(bool) && o.Arity.MaximumNumberOfValues > 0))
            {
                data.Add(verb.Name, option.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValueOptions))]
    public void A_value_an_option_cannot_take_is_refused_in_plain_words(string verb, string option)
    {
        // "abc" is no number, no enum value, no time; "1e99" no whole number. Neither may bring a .NET type name out.
        foreach (var value in new[] { "abc", "1e99", "99999999999" })
        {
            var result = InProcess.Run(new InProcess.Options { Folders = folders }, verb, option, value, "--levels", levels.Root);

            InProcess.AssertPlainErrors(result);
            Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("`1", result.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--seed", "abc", "--seed: \"abc\" is not a whole number (digits only, e.g. 42)")]
    [InlineData("--seed", "1.5", "--seed: \"1.5\" is not a whole number")]
    [InlineData("--seed", "99999999999", "--seed: 99999999999 is out of range (a whole number from -2147483648 to 2147483647)")]
    [InlineData("--points", "x", "--points: \"x\" is not a whole number")]
    public void A_whole_number_option_says_what_it_wants_and_exits_2(string option, string value, string words)
    {
        string[] args = option == "--seed" ? ["--seed", value] : ["--seed", "1", option, value];
        var result = InProcess.Run(new InProcess.Options { Folders = folders }, ["new-level", .. args, "--out", levels.Combine("n.level.json"), "--levels", levels.Root]);

        Assert.Equal(2, result.Exit);
        Assert.Contains(words, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(levels.Combine("n.level.json")));
    }

    [Fact]
    public void A_negative_seed_is_a_seed()
    {
        var result = InProcess.Run(new InProcess.Options { Folders = folders }, "new-level", "--seed", "-7", "--dry-run", "--out", levels.Combine("n.level.json"), "--levels", levels.Root);

        Assert.True(result.Exit == 0, result.ToString());
    }

    [Fact]
    public void Data_no_level_can_be_made_of_exits_1_as_section_8_says()
    {
        // Oracle: RULES.md §8 — "`new-level` unable to make a valid level" exits 1. These x overflow Σx² (engine DegenerateDataTests).
        var csv = levels.Combine("in", "bigx.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(csv)!);
        File.WriteAllText(csv, "x,y\n1e308,1\n-1e308,2\n1.7e308,3\n");

        var result = InProcess.Run(new InProcess.Options { Folders = folders }, "new-level", "--from", csv, "--x", "x", "--y", "y", "--out", levels.Combine("out", "b.level.json"), "--levels", levels.Root);

        Assert.Equal(1, result.Exit);
        Assert.Contains("cannot make a level from this data", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(levels.Combine("out")));
        InProcess.AssertPlainErrors(result);
    }

    [Theory]
    [InlineData("x,y,x", "--x: the header names two columns \"x\" (columns 1 and 3)")]
    [InlineData("x,x,y", "--x: the header names two columns \"x\" (columns 1 and 2)")]
    [InlineData("y,x,y", "--y: the header names two columns \"y\" (columns 1 and 3)")]
    public void A_header_naming_a_chosen_column_twice_is_refused_in_words(string header, string words)
    {
        var csv = levels.Combine("in", "dup.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(csv)!);
        File.WriteAllText(csv, header + "\n1,2,30\n2,4,40\n3,6,50\n4,8,70\n", Encoding.UTF8);

        var result = InProcess.Run(new InProcess.Options { Folders = folders }, "new-level", "--from", csv, "--x", "x", "--y", "y", "--out", levels.Combine("out", "d.level.json"), "--levels", levels.Root);

        Assert.Equal(2, result.Exit);
        Assert.Contains(words, result.Error, StringComparison.Ordinal);
        Assert.Contains("dup.csv", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(levels.Combine("out")));
    }

    [Fact]
    public void A_duplicate_column_the_level_does_not_use_is_no_matter()
    {
        var csv = levels.Combine("in", "dup.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(csv)!);
        File.WriteAllText(csv, "note,x,y,note\na,1,2,b\na,2,4,b\na,3,6.5,b\na,4,8,b\n", Encoding.UTF8);

        var result = InProcess.Run(new InProcess.Options { Folders = folders }, "new-level", "--from", csv, "--x", "x", "--y", "y", "--dry-run", "--out", levels.Combine("out", "d.level.json"), "--levels", levels.Root);

        Assert.True(result.Exit == 0, result.ToString());
    }
}
