using System.Globalization;
using System.IO.Abstractions;
using System.IO.Abstractions.TestingHelpers;
using System.Text;
using LittleRedDot.Content.Tests.TestSupport;
using LittleRedDot.Engine;
using LittleRedDot.TestSupport;

namespace LittleRedDot.Content.Tests.Fuzz;

/// <summary>
/// Thousands of random mutations (fixed seeds, so a failure reproduces) of a valid level file and a valid run
/// file: the loaders only ever return a value or throw <see cref="ContentException"/> with located errors that
/// name the file — never another exception — and no message carries a control or format character.
/// </summary>
public sealed class FuzzTests
{
    private const int Cases = 3000;
    private const string Root = "/levels";
    private const string LevelPath = "/levels/pack/t.level.json";
    private const string CsvPath = "/levels/data/a.csv";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Mutated_level_files_load_or_fail_with_a_located_error(int seed)
    {
        var inline = LevelJson.Bytes(LevelJson.Valid());
        var csv = LevelJson.Bytes(LevelJson.WithCsv("../data/a.csv", "x", "y", new System.Text.Json.Nodes.JsonObject { ["series"] = "I" }));
        var mutator = new Mutator(seed);
        var outcomes = new int[3]; // loaded, refused by the reader, refused by the loader
        for (var i = 0; i < Cases; i++)
        {
            var bytes = mutator.Mutate(i % 2 == 0 ? inline : csv);
            var fs = new MockFileSystem(new Dictionary<string, MockFileData>
            {
                [LevelPath] = new(bytes),
                [CsvPath] = new("series,x,y\nI,1,2\nII,x,y\nI,2,3\n\"I\",3,5\n"),
                ["/outside/secret.csv"] = new("series,x,y\nI,1,2\nI,2,3\n"),
            });

            try
            {
                LevelReader.Read(bytes, LevelPath);
            }
            catch (ContentException e)
            {
                AssertLocated(e, i, bytes);
                outcomes[1]++;
                continue;
            }
            catch (Exception e)
            {
                Assert.Fail($"case {i}: LevelReader threw {e.GetType().Name}: {e.Message}\n{Show(bytes)}");
            }

            try
            {
                var level = new LevelLoader(fs, Root).Load(LevelPath);
                Play(level.Level, i, bytes);
                outcomes[0]++;
            }
            catch (ContentException e)
            {
                AssertLocated(e, i, bytes);
                outcomes[2]++;
            }
            catch (Exception e)
            {
                Assert.Fail($"case {i}: LevelLoader threw {e.GetType().Name}: {e.Message}\n{Show(bytes)}");
            }
        }

        // The fuzzer must reach every door, or it proves little.
        Assert.All(outcomes, count => Assert.True(count > 10, $"loaded / reader refused / loader refused: {string.Join(" / ", outcomes)}"));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Mutated_run_files_read_or_fail_with_a_located_error_and_replay_never_throws(int seed)
    {
        using var fixture = new RunFixture();
        var valid = File.ReadAllBytes(fixture.RunPath);
        var level = fixture.Library().Find("t-01")!;
        var mutator = new Mutator(seed);
        var fs = new MockFileSystem();
        var checker = new RunFileChecker(fs, id => id == "t-01" ? level : null);
        var outcomes = new int[3]; // verified, read but not verified, refused
        for (var i = 0; i < Cases; i++)
        {
            var bytes = i == 0 ? valid : mutator.Mutate(valid);
            try
            {
                RunFileReader.Read(bytes, "/runs/x.run.json");
            }
            catch (ContentException e)
            {
                Assert.All(e.Errors, x => Assert.Equal("/runs/x.run.json", x.File));
            }
            catch (Exception e)
            {
                Assert.Fail($"case {i}: RunFileReader threw {e.GetType().Name}: {e.Message}\n{Show(bytes)}");
            }

            fs.AddFile("/runs/x.run.json", new MockFileData(bytes));
            Verification verdict = null!;
            try
            {
                verdict = checker.Check("/runs/x.run.json");
            }
            catch (Exception e)
            {
                Assert.Fail($"case {i}: RunFileChecker threw {e.GetType().Name}: {e.Message}\n{Show(bytes)}");
            }
            outcomes[verdict.Verified ? 0 : verdict.IsBadInput ? 2 : 1]++;
        }

        Assert.True(outcomes[1] > 50 && outcomes[2] > 50, string.Join(" / ", outcomes));
        Assert.True(outcomes[0] >= 1, "the unmutated run must verify");
    }

    [Fact]
    public void Text_safety_never_lets_a_control_or_format_character_through()
    {
        var random = new Random(5);
        char[] nasty = ['\u001b', '\u0007', '\u0000', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\u200b', '\u200e', '\u202e', '\u2066', '\ufeff', '\ud800', '\udfff', '\n', '\r', '\t'];
        for (var i = 0; i < Cases; i++)
        {
            var length = random.Next(0, 40);
            var chars = new char[length];
            for (var j = 0; j < length; j++)
            {
                chars[j] = random.Next(3) switch
                {
                    0 => nasty[random.Next(nasty.Length)],
                    1 => (char)random.Next(0, 0x250),
                    _ => (char)random.Next(0, 0x10000),
                };
            }

            var text = new string(chars);
            AssertNoUnsafe(TextSafety.Escape(text), keepNewlines: false, text);
            AssertNoUnsafe(TextSafety.Escape(text, keepNewlines: true), keepNewlines: true, text);

            // The player-name rule is RULES.md §7's, word for word (1 to 40 scalar values, none Cc or Cf), and never throws.
            var problem = PlayerName.Check(text);
            var scalars = text.EnumerateRunes().ToArray();
            var allowed = text.Length > 0 && Rune.DecodeFromUtf16(text, out _, out _) is var _ && Utf16Text.IsWellFormed(text)
                && scalars.Length <= PlayerName.MaxLength
                && !scalars.Any(r => Rune.GetUnicodeCategory(r) is UnicodeCategory.Control or UnicodeCategory.Format);
            if (allowed != (problem is null))
            {
                Assert.Fail($"{Escape(text)}: {problem}");
            }
        }
    }

    [Theory]
    [InlineData("\u001b[31mred\u001b[0m", "\\u001B[31mred\\u001B[0m")]
    [InlineData("a\u202eb", "a\\u202Eb")]
    [InlineData("line\nnext", "line\\u000Anext")]
    [InlineData("plain Zoë 🦊", "plain Zoë 🦊")]
    public void Escapes_are_visible(string text, string expected) => Assert.Equal(expected, TextSafety.Escape(text));

    private static void Play(Level level, int i, byte[] bytes)
    {
        var r = level.Rules;
        var choice = new Choice(r.AlphaMax, r.Beta0.Min, r.Beta1.Max);
        if (level.CheckChoice(choice) is not null)
        {
            return;
        }

        try
        {
            Descent.Run(level, choice, stepLimit: 1000);
        }
        catch (Exception e)
        {
            Assert.Fail($"case {i}: a loaded level's run threw {e.GetType().Name}: {e.Message}\n{Show(bytes)}");
        }
    }

    private static void AssertLocated(ContentException e, int i, byte[] bytes)
    {
        Assert.True(e.Errors.Count > 0, $"case {i}: no errors listed");
        Assert.All(e.Errors, x => Assert.True(x.File is LevelPath or CsvPath || x.File.StartsWith("/", StringComparison.Ordinal), $"case {i}: error without a file: {x}"));
    }

    private static void AssertNoUnsafe(string escaped, bool keepNewlines, string original)
    {
        Assert.True(Utf16Text.IsWellFormed(escaped), $"a lone surrogate survived in {Escape(original)}");
        foreach (var rune in escaped.EnumerateRunes())
        {
            if (TextSafety.IsUnsafe(rune) && !(keepNewlines && rune.Value == '\n'))
            {
                Assert.Fail($"U+{rune.Value:X4} survived escaping {Escape(original)}");
            }
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

    private static string Show(byte[] bytes) => Escape(Encoding.UTF8.GetString(bytes.Length > 600 ? bytes[..600] : bytes));
}
