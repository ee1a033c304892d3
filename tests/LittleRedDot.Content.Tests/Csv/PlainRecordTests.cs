using System.Globalization;
using System.Text;
using CsCheck;

namespace LittleRedDot.Content.Tests.Csv;

/// <summary>
/// The one-pass reading of plain records (issue 13) must give what the general path gives. Oracle: .NET's
/// double.Parse of each number's text (correctly rounded, as both paths are); exact equality of bits.
/// </summary>
public sealed class PlainRecordTests
{
    private static readonly Dictionary<string, string> NoFilter = [];

    // 1 to 21 digits (leading zeros too), the point anywhere: runs of digits shorter than, as long as and longer than the
    // eight read at once, numbers past the 19 digits of the exact path, and a number cut by the end of the file.
    private static readonly Gen<string> Plain =
        Gen.Select(Gen.Bool, Gen.Char['0', '9'].Array[1, 21], Gen.Int[0, 21], Gen.Bool, (negative, digits, point, signed) =>
        {
            var text = new string(digits);
            point = Math.Min(point, text.Length - 1);
            text = point == 0 ? text : text.Insert(text.Length - point, ".");
            return (negative ? "-" : signed ? "+" : string.Empty) + text;
        });

    private static readonly Gen<string> Other = Gen.OneOf("1e3", " 2.5", "7 ", "\"4.25\"", "0.1234567890123456789012", "12345678901234567890", ".5", "5.", "-0");

    [Fact]
    public void Plain_and_other_numbers_read_as_double_Parse_reads_them()
    {
        Gen.Select(Gen.Frequency((4, Plain), (1, Other)).List[1, 30], Gen.Frequency((4, Plain), (1, Other)).List[1, 30], Gen.OneOf("\n", "\r\n"), Gen.Bool)
            .Sample((xs, ys, newline, endsWithNewline) =>
            {
                var n = Math.Min(xs.Count, ys.Count);
                var text = new StringBuilder("x,label,y").Append(newline);
                for (var i = 0; i < n; i++)
                {
                    text.Append(xs[i]).Append(",row ").Append(i).Append(',').Append(ys[i]).Append(i < n - 1 || endsWithNewline ? newline : string.Empty);
                }

                var (x, y) = CsvColumns.Read(Encoding.UTF8.GetBytes(text.ToString()), "/t.csv", "x", "y", NoFilter);

                Assert.Equal(xs.Take(n).Select(Expected), x.Select(BitConverter.DoubleToInt64Bits));
                Assert.Equal(ys.Take(n).Select(Expected), y.Select(BitConverter.DoubleToInt64Bits));
            }, iter: 1000);
    }

    [Fact]
    public void A_last_record_without_a_line_end_and_rows_mixing_line_ends_are_all_read()
    {
        var (x, y) = CsvColumns.Read("x,y\n1.5,2\r\n3,-4.25\r5,6"u8, "/t.csv", "x", "y", NoFilter);

        Assert.Equal([1.5, 3, 5], x); // by hand: the file's x column
        Assert.Equal([2, -4.25, 6], y);
    }

    private static long Expected(string text) =>
        BitConverter.DoubleToInt64Bits(double.Parse(text.Trim().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture));
}
