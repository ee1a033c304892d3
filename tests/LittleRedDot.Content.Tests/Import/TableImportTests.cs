using System.Text;
using LittleRedDot.Content.Import;
using LittleRedDot.Content.Tests.TestSupport;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Tests.Import;

/// <summary>
/// Each shape a facilitator's table comes in (issue 15), from files these tests write, imported to exactly the
/// intended points. Oracle throughout: the doubles the test wrote into the file (compared by value, tolerance 0 —
/// every number below is written in a form that parses to exactly that double).
/// </summary>
public sealed class TableImportTests
{
    private static readonly double[] Xs = [1.5, 2.25, -3, 4e-5, 1234.5];
    private static readonly double[] Ys = [10, 20.5, 30.125, -0.5, 7];

    private static ImportedTable Import(byte[] bytes, string x = "x", string y = "y", Func<ImportOptions, ImportOptions>? more = null) =>
        TableImport.Import(bytes, "t.csv", (more ?? (o => o))(new ImportOptions(x, y)));

    private static void AssertPoints(ImportedTable table, double[]? xs = null, double[]? ys = null)
    {
        Assert.Equal(xs ?? Xs, table.X);
        Assert.Equal(ys ?? Ys, table.Y);
    }

    private static string Rows(string delimiter, bool decimalComma)
    {
        var text = new StringBuilder();
        for (var i = 0; i < Xs.Length; i++)
        {
            var x = DoubleText.RoundTrip(Xs[i]);
            var y = DoubleText.RoundTrip(Ys[i]);
            text.Append(decimalComma ? x.Replace('.', ',') : x).Append(delimiter).Append(decimalComma ? y.Replace('.', ',') : y).Append("\r\n");
        }

        return text.ToString();
    }

    [Fact]
    public void A_plain_csv_reads_as_utf8_with_comma()
    {
        var table = Import(Encoding.UTF8.GetBytes("x,y\n" + Rows(",", false)));

        AssertPoints(table);
        Assert.Equal(["UTF-8", "delimiter ','"], table.Assumed);
        Assert.Equal([2, 3, 4, 5, 6], table.Lines); // the header is line 1
    }

    [Fact]
    public void A_spreadsheet_semicolon_file_with_decimal_commas_reads_the_same_points()
    {
        var table = Import(Encoding.UTF8.GetBytes("\uFEFFx;y\r\n" + Rows(";", true)));

        AssertPoints(table);
        Assert.Equal(["UTF-8 (byte-order mark)", "delimiter ';'", "decimal comma (numbers like 3,5)"], table.Assumed);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Unicode_text_from_a_spreadsheet_utf16_tab_separated_reads_the_same_points(bool littleEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian: !littleEndian, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("x\ty\r\n" + Rows("\t", false))).ToArray();

        var table = Import(bytes);

        AssertPoints(table);
        Assert.Equal(littleEndian ? "UTF-16 LE (byte-order mark)" : "UTF-16 BE (byte-order mark)", table.Assumed[0]);
        Assert.Equal("delimiter tab", table.Assumed[1]);
    }

    [Fact]
    public void A_pipe_separated_file_reads_the_same_points()
    {
        AssertPoints(Import(Encoding.UTF8.GetBytes("x|y\n" + Rows("|", false))));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_read_as_windows_1252_and_it_says_so()
    {
        // "Température" in Windows-1252: é is the single byte 0xE9, which is not valid UTF-8 on its own.
        var header = new byte[] { (byte)'T', (byte)'e', (byte)'m', (byte)'p', (byte)'\xE9', (byte)'r', (byte)'a', (byte)'t', (byte)'u', (byte)'r', (byte)'e' };
        var bytes = header.Concat(Encoding.ASCII.GetBytes(";y\n" + Rows(";", true))).ToArray();

        var table = Import(bytes, x: "Température");

        AssertPoints(table);
        Assert.Equal("Windows-1252 (the bytes are not valid UTF-8)", table.Assumed[0]);
        Assert.Equal("Température", table.XName);
    }

    [Fact]
    public void Quoted_fields_may_hold_the_delimiter_quotes_and_line_ends()
    {
        var text = "name,x,y\n\"Smith, \"\"Jo\"\"\",1.5,10\n\"two\nlines\",2.25,20.5\n";

        var table = Import(Encoding.UTF8.GetBytes(text));

        AssertPoints(table, [1.5, 2.25], [10, 20.5]);
        Assert.Equal([2, 3], table.Lines); // the second row starts on line 3 and spans line 4
    }

    [Fact]
    public void Without_a_header_columns_are_named_by_number()
    {
        var table = Import(Encoding.UTF8.GetBytes(Rows(";", true)), "1", "2", o => o with { NoHeader = true });

        AssertPoints(table);
        Assert.Equal(("x", "y"), (table.XName, table.YName));
        Assert.Equal([1, 2, 3, 4, 5], table.Lines);
    }

    [Fact]
    public void A_first_row_of_numbers_without_no_header_says_so_and_suggests_it()
    {
        var e = Assert.Throws<ContentException>(() => Import(Encoding.UTF8.GetBytes(Rows(",", false)), "1", "2"));

        var error = Assert.Single(e.Errors);
        Assert.Equal("line 1", error.Location);
        Assert.Contains("looks like numbers", error.Message, StringComparison.Ordinal);
        Assert.Contains("--no-header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gaps_are_an_error_naming_their_lines_and_suggesting_drop_incomplete()
    {
        var text = "x,y\n1,2\n,3\n4,NA\n5,6\n7,n/a\n8,?\n9,nan\n10,-\n11,12\n";

        var e = Assert.Throws<ContentException>(() => Import(Encoding.UTF8.GetBytes(text)));

        var error = Assert.Single(e.Errors);
        Assert.Contains("lines 3, 4, 6, 7, 8, 9", error.Message, StringComparison.Ordinal);
        Assert.Contains("--drop-incomplete", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Drop_incomplete_drops_the_rows_with_gaps_and_reports_their_lines()
    {
        var text = "x,y\n1,2\n,3\n4,NA\n5,6\n7,n/a\n8,?\n9,nan\n10,-\n11,12\n";

        var table = Import(Encoding.UTF8.GetBytes(text), more: o => o with { DropIncomplete = true });

        AssertPoints(table, [1, 5, 11], [2, 6, 12]);
        Assert.Equal([3, 4, 6, 7, 8, 9], table.Dropped);
        Assert.Equal(9, table.RowsRead);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_an_error_even_with_drop_incomplete()
    {
        var e = Assert.Throws<ContentException>(() => Import(Encoding.UTF8.GetBytes("x,y\n1,2\n3,abc\n5,6\n"), more: o => o with { DropIncomplete = true }));

        Assert.Equal("line 3", Assert.Single(e.Errors).Location);
    }

    [Fact]
    public void Where_keeps_the_matching_rows_in_file_order()
    {
        var text = "series,x,y\nI,1,2\nII,3,4\nI,5,6\n";

        var table = Import(Encoding.UTF8.GetBytes(text), more: o => o with { Where = new Dictionary<string, string> { ["series"] = "I" } });

        AssertPoints(table, [1, 5], [2, 6]);
        Assert.Equal(1, table.LeftOut);
        Assert.Equal("I", table.Where["series"]);
    }

    [Fact]
    public void An_xlsx_sheet_reads_its_exact_doubles_from_the_first_sheet_with_data()
    {
        var rows = new List<(int, object?[])> { (2, ["x", "y"]) };
        rows.AddRange(Xs.Select((x, i) => (i + 4, new object?[] { x, Ys[i] }))); // row 3 is empty
        var bytes = XlsxBuilder.Build(("Empty", []), ("Data", rows));

        var table = Import(bytes);

        AssertPoints(table);
        Assert.Equal(["sheet \"Data\""], table.Assumed);
        Assert.Equal([4, 5, 6, 7, 8], table.Lines); // as the spreadsheet numbers its rows
    }

    [Theory]
    [InlineData("Second")]
    [InlineData("2")]
    public void Sheet_picks_a_sheet_by_name_or_number(string sheet)
    {
        var bytes = XlsxBuilder.Build(
            ("First", [(1, ["x", "y"]), (2, [1.0, 2.0]), (3, [3.0, 5.0])]),
            ("Second", [(1, ["x", "y"]), (2, [7.0, 8.0]), (3, [9.0, 10.5])]));

        var table = Import(bytes, more: o => o with { Sheet = sheet });

        AssertPoints(table, [7, 9], [8, 10.5]);
    }

    [Fact]
    public void A_sheet_that_is_not_there_names_the_sheets_there_are()
    {
        var bytes = XlsxBuilder.Build(("Only", [(1, ["x", "y"]), (2, [1.0, 2.0])]));

        var e = Assert.Throws<ContentException>(() => Import(bytes, more: o => o with { Sheet = "Other" }));

        Assert.Contains("1 \"Only\"", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_workbook_is_a_located_error_not_a_crash()
    {
        var bytes = XlsxBuilder.Build(("Only", [(1, ["x", "y"]), (2, [1.0, 2.0])]));

        var e = Assert.Throws<ContentException>(() => Import(bytes[..(bytes.Length / 2)]));

        Assert.Contains("Excel workbook", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_xls_sheet_reads_its_exact_doubles()
    {
        var rows = new List<(int, object?[])> { (1, ["x", "y"]) };
        rows.AddRange(Xs.Select((x, i) => (i + 2, new object?[] { x, Ys[i] })));

        var table = Import(XlsBuilder.Build("Blatt 1", rows));

        AssertPoints(table);
        Assert.Equal(["sheet \"Blatt 1\""], table.Assumed);
        Assert.Equal([2, 3, 4, 5, 6], table.Lines);
    }
}
