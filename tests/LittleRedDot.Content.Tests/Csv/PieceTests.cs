using System.Text;
using CsCheck;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Tests.Csv;

/// <summary>
/// The CSV reader takes a file in pieces through a bounded buffer (issue 13). Oracle: the same reader given the
/// whole file as one piece, which is the tokenizer's whole-file reading; reading in pieces of every size from 1 byte
/// up must give the same points (bit for bit) or the same errors (file, line, words), whatever a piece cuts: a
/// number, a quoted field's line break, the two bytes of "\r\n".
/// </summary>
public sealed class PieceTests
{
    private static readonly Dictionary<string, string> NoFilter = [];

    private static readonly Gen<string> Cell = Gen.OneOf(
        Gen.Const("1.5"), Gen.Const("-22.125"), Gen.Const(" 3 "), Gen.Const("\"4.25\""), Gen.Const("\"a\nb\""), Gen.Const("\"q\"\"uote\""),
        Gen.Const("abc"), Gen.Const(string.Empty), Gen.Const("\"x,\r\ny\""), Gen.Const("1e3"), Gen.Const("7"), Gen.Const("\"open"));

    private static readonly Gen<string> End = Gen.OneOf("\n", "\r\n", "\r", "\n\n", "\r\n\r\n");

    private static readonly Gen<string> Row = Gen.Select(Cell, Cell, Cell, End, Gen.Int[0, 9], (a, b, c, end, shape) => shape switch
    {
        0 => $"{a},{b}{end}",
        1 => $"{a},{b},{c},{c}{end}",
        _ => $"{a},{b},{c}{end}",
    });

    [Fact]
    public void Reading_in_pieces_of_any_size_gives_what_reading_the_whole_file_gives()
    {
        Gen.Select(Row.List[0, 12], Gen.OneOf("x,label,y\n", "\"x\",\"la\nbel\",y\r\n", "\uFEFFx,label,y\r"), Gen.Bool)
            .Sample((rows, header, finalEnd) =>
            {
                var text = header + string.Concat(rows);
                text = finalEnd ? text : text.TrimEnd('\r', '\n');
                var bytes = Encoding.UTF8.GetBytes(text);
                var whole = Outcome(bytes, bytes.Length + 1);
                for (var piece = 1; piece <= bytes.Length; piece++)
                {
                    Assert.Equal(whole, Outcome(bytes, piece));
                }
            }, iter: 300);
    }

    [Fact]
    public void The_hash_made_while_reading_is_the_hash_made_from_the_points_after()
    {
        // Oracle: LevelHash.Compute over the level built from the points read, the way every level was hashed before.
        var rules = new LevelRules(CostKind.Mse, ParameterRule.Fixed(0), ParameterRule.Range(-5, 5), 0.001, 0.1, 50, 0.5, 8);
        var source = new DataSource { XShift = 1, XScale = 4, YShift = -2, YScale = 0.5 };
        foreach (var (text, hashedWhileReading, hashBesideFrom) in new[]
        {
            ("x,y\n1,2\n3,5.5\n8,-1\n", true),
            ("x,y\r\n1,2\r\n3,5.5\r\n8,-1", true),
            ("x,y\n1,2\n\n3,5.5\n8,-1\n", false), // a blank line: four rows foretold, three read
            ("x,y,note\n1,2,\"a\nb\"\n3,5.5,c\n8,-1,d\n", false), // a quoted line break
            ("x,y\r1,2\n3,5.5\r8,-1\n", false), // '\r' and '\n' mixed: more rows than foretold, the arrays grow
        }.SelectMany(c => new[] { (c.Item1, c.Item2, PlayedPoints.HashBesideFrom), (c.Item1, c.Item2, 0) }))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            using var points = new PlayedPoints("p", rules, source, hashBesideFrom);
            using var stream = new MemoryStream(bytes);
            CsvColumns.Read(stream, bytes.Length, "/p.csv", "x", "y", NoFilter, points, pieceBytes: 5);
            var sha256 = points.Sha256();
            var (x, y) = points.ToArrays();
            var level = new Level(rules, new DataSet(x, y));

            Assert.Equal((x[0], y[0]), ((1.0 - 1) / 4, (2.0 + 2) / 0.5)); // played: (x − xShift) / xScale
            Assert.Equal(hashedWhileReading, sha256 is not null);
            if (sha256 is not null)
            {
                Assert.Equal(LevelHash.Compute("p", level), sha256);
            }
        }
    }

    [Fact]
    public void The_hash_made_on_a_second_thread_is_the_hash_made_from_the_points_after()
    {
        // Oracle: LevelHash.Compute over the points read. Enough rows that the reader hands points over to the hashing
        // thread several times (every 16,384) and once more at the end; then the same file hashed on the reading thread.
        var rules = new LevelRules(CostKind.HalfMse, ParameterRule.Range(-3, 3), ParameterRule.Range(-5, 5), 1e-6, 0.1, 2000, 1e-9, 100);
        Gen.Select(Gen.Double[-1e6, 1e6].Array[40_000, 60_000], Gen.Double[0.5, 2]).Sample((values, scale) =>
        {
            var csv = new StringBuilder("x,y\n");
            for (var i = 0; i + 1 < values.Length; i += 2)
            {
                csv.Append(values[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                    .Append(values[i + 1].ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            }

            var bytes = Encoding.UTF8.GetBytes(csv.ToString());
            var hashes = new[] { 0, PlayedPoints.HashBesideFrom }.Select(from =>
            {
                using var points = new PlayedPoints("many", rules, new DataSource { XScale = scale }, from);
                using var stream = new MemoryStream(bytes);
                CsvColumns.Read(stream, bytes.Length, "/many.csv", "x", "y", NoFilter, points);
                var sha256 = points.Sha256();
                var (x, y) = points.ToArrays();
                Assert.Equal(LevelHash.Compute("many", new Level(rules, new DataSet(x, y))), sha256);
                return sha256;
            }).ToArray();
            Assert.Equal(hashes[0], hashes[1]);
        }, iter: 4);
    }

    [Fact]
    public void A_bad_value_is_named_by_the_same_line_whatever_the_line_ends_and_the_pieces()
    {
        // Oracle: §6 numbers a CSV's lines from 1 (the header); a line break inside quotes starts a line like any other,
        // and "\n", "\r\n" and "\r" are each one line end. So the bad value's line is 1 + the line breaks before it,
        // counted by hand here, for all three styles (a CR-only file once lost the breaks inside quotes) and every piece size.
        Gen.Select(Gen.Int[0, 3].Array[1, 8], Gen.Int[0, 7]).Sample((notes, badAt) =>
        {
            badAt = Math.Min(badAt, notes.Length - 1);
            foreach (var end in new[] { "\n", "\r\n", "\r" })
            {
                var text = new StringBuilder("x,note,y").Append(end);
                var line = 1;
                for (var row = 0; row < notes.Length; row++)
                {
                    line++; // the row starts on the next line
                    var note = string.Join(end, Enumerable.Repeat("part", notes[row] + 1));
                    if (row == badAt)
                    {
                        text.Append($"1,\"{note}\",oops").Append(end);
                        break;
                    }

                    text.Append($"1,\"{note}\",2").Append(end);
                    line += notes[row]; // the breaks inside its quoted note
                }

                var bytes = Encoding.UTF8.GetBytes(text.ToString());
                for (var piece = 1; piece <= bytes.Length + 1; piece += 3)
                {
                    Assert.StartsWith($"/t.csv: line {line}: ", Outcome(bytes, piece), StringComparison.Ordinal);
                }
            }
        }, iter: 60);
    }

    private static string Outcome(byte[] bytes, int pieceBytes)
    {
        using var points = new PlayedPoints();
        using var stream = new MemoryStream(bytes);
        try
        {
            CsvColumns.Read(stream, bytes.Length, "/t.csv", "x", "y", NoFilter, points, pieceBytes);
        }
        catch (ContentException e)
        {
            return string.Join("\n", e.Errors.Select(error => error.ToString()));
        }

        var (x, y) = points.ToArrays();
        return string.Join(";", x.Zip(y, (a, b) => $"{BitConverter.DoubleToInt64Bits(a)},{BitConverter.DoubleToInt64Bits(b)}"));
    }
}
