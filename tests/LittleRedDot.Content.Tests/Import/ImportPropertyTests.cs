using System.Text;
using CsCheck;
using LittleRedDot.Content.Import;
using LittleRedDot.Content.Tests.TestSupport;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Tests.Import;

/// <summary>
/// Issue 15's property: any table written in any supported shape — delimiter, decimal mark, encoding, byte-order
/// mark, header or none, quoting, line ends, an extra text column holding the delimiter, or an .xlsx or .xls sheet — imports
/// to the same points, and its normalised CSV reads back through the strict level reader (RULES.md §6) to them too.
/// Oracle: the doubles the generator wrote (tolerance 0: numbers are written in round-trip form).
/// </summary>
public sealed class ImportPropertyTests
{
    /// <summary>A fixed seed: the same tables every run, and a failure names its case.</summary>
    private static readonly string Seed = new PCG(15, 20261129).ToString();

    private static readonly Gen<double> Number = Gen.OneOf(
        Gen.Int[-100_000, 100_000].Select(i => i / 100.0),
        Gen.Double[-1e6, 1e6],
        Gen.Double[-1e-3, 1e-3],
        Gen.Int[-50, 50].Select(i => (double)i));

    private static readonly string[] LineEnds = ["\n", "\r\n", "\r"];

    private static readonly Gen<Shape> Shapes =
        Gen.Select(Gen.OneOf(Gen.Const(','), Gen.Const(';'), Gen.Const('\t'), Gen.Const('|')), Gen.Int[0, 4], Gen.Bool, Gen.Bool, Gen.Bool, Gen.Int[0, 2], Gen.Bool, Gen.Int[0, 2])
            .Select((d, enc, header, comma, quote, end, trailing, workbook) => new Shape(d, (Encoding)enc, header, comma && d != ',', quote, LineEnds[end], trailing, workbook));

    public enum Encoding
    {
        Utf8,
        Utf8Bom,
        Utf16Le,
        Utf16Be,
        Windows1252,
    }

    /// <summary>A text shape, or with <see cref="Workbook"/> 1 an .xlsx and 2 an .xls sheet (then the text fields do not matter).</summary>
    public sealed record Shape(char Delimiter, Encoding Encoding, bool Header, bool DecimalComma, bool QuoteAll, string LineEnd, bool TrailingLineEnd, int Workbook);

    [Fact]
    public void Any_table_in_any_supported_shape_imports_to_the_same_points()
    {
        Gen.Select(Number.Array[2, 30], Number.Array[30], Shapes).Sample(
            (xs, ysAll, shape) =>
            {
                var ys = ysAll[..xs.Length];
                var bytes = shape.Workbook > 0 ? Workbook(xs, ys, shape.Header, shape.Workbook == 2) : Text(xs, ys, shape);
                var options = shape.Header ? new ImportOptions("Température, °C", "y") : new ImportOptions("2", "3") { NoHeader = true };

                var table = TableImport.Import(bytes, "t", options);

                Assert.Equal(xs, table.X);
                Assert.Equal(ys, table.Y);
                var (x, y) = CsvColumns.Read(NormalisedCsv.ToBytes(table), "n.csv", table.XName, table.YName, table.Where);
                Assert.Equal(xs, x);
                Assert.Equal(ys, y);
            },
            seed: Seed,
            iter: 400,
            threads: 1);
    }

    /// <summary>A note column first (text holding the delimiter, quoted), then x and y.</summary>
    private static byte[] Text(double[] xs, double[] ys, Shape shape)
    {
        var d = shape.Delimiter.ToString();
        string Field(string s) => shape.QuoteAll || s.Contains(shape.Delimiter, StringComparison.Ordinal) ? $"\"{s}\"" : s;
        string Num(double v) => Field(shape.DecimalComma ? DoubleText.RoundTrip(v).Replace('.', ',') : DoubleText.RoundTrip(v));
        var text = new StringBuilder();
        if (shape.Header)
        {
            text.Append(Field($"note{d}café")).Append(d).Append(Field("Température, °C")).Append(d).Append(Field("y")).Append(shape.LineEnd);
        }

        for (var i = 0; i < xs.Length; i++)
        {
            text.Append(Field($"row {i}{d} ok")).Append(d).Append(Num(xs[i])).Append(d).Append(Num(ys[i]));
            if (i < xs.Length - 1 || shape.TrailingLineEnd)
            {
                text.Append(shape.LineEnd);
            }
        }

        var s = text.ToString();
        return shape.Encoding switch
        {
            Encoding.Utf8 => System.Text.Encoding.UTF8.GetBytes(s),
            Encoding.Utf8Bom => [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(s)],
            Encoding.Utf16Le => [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(s)],
            Encoding.Utf16Be => [.. System.Text.Encoding.BigEndianUnicode.GetPreamble(), .. System.Text.Encoding.BigEndianUnicode.GetBytes(s)],
            _ => TextDecoder.Windows1252.GetBytes(s),
        };
    }

    private static byte[] Workbook(double[] xs, double[] ys, bool header, bool xls)
    {
        var rows = new List<(int, object?[])>();
        if (header)
        {
            rows.Add((1, ["note", "Température, °C", "y"]));
        }

        rows.AddRange(xs.Select((x, i) => (rows.Count + i + 1, new object?[] { $"row {i}", x, ys[i] })));
        return xls ? XlsBuilder.Build("Sheet1", rows) : XlsxBuilder.Build(("Sheet1", rows));
    }
}
