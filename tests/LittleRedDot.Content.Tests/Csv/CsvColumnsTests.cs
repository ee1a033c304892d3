using System.Text;

namespace LittleRedDot.Content.Tests.Csv;

/// <summary>
/// CSV as RULES.md §6 reads it: header row, names matched exactly, RFC 4180 quoting, ',' separator, '.'
/// decimal mark, spaces around a number allowed, lines numbered from 1 (the header), rows left out by
/// <c>where</c> not parsed. Oracle: the values written into each file by hand.
/// </summary>
public sealed class CsvColumnsTests
{
    private const string File = "/levels/data/cars.csv";
    private static readonly Dictionary<string, string> NoFilter = [];

    private static (double[] X, double[] Y) Read(string text, string x = "horsepower", string y = "miles_per_gallon", Dictionary<string, string>? where = null) =>
        CsvColumns.Read(Encoding.UTF8.GetBytes(text), File, x, y, where ?? NoFilter);

    [Fact]
    public void Rfc4180_quoting_with_commas_quotes_and_line_breaks_inside_fields()
    {
        const string text = """
            name,horsepower,miles_per_gallon,origin
            "chevrolet chevelle, malibu",130,18,USA
            "the ""best"" car","165","15.5",USA
            "two
            lines, even",150,16,"USA"
            plain,140,17.25,Europe
            """;

        var (x, y) = Read(text);

        Assert.Equal([130, 165, 150, 140], x);
        Assert.Equal([18, 15.5, 16, 17.25], y);
    }

    [Fact]
    public void Where_keeps_only_matching_rows_and_never_parses_the_others()
    {
        // Anscombe-style: series I and II; the II rows hold text that is not a number, and are never parsed.
        const string text = """
            series,x,y
            I,10,8.04
            II,ten,not a number
            I,8,6.95
            "I",13,7.58
            II,,
            """;

        var (x, y) = Read(text, "x", "y", new Dictionary<string, string> { ["series"] = "I" });

        Assert.Equal([10, 8, 13], x);
        Assert.Equal([8.04, 6.95, 7.58], y);
    }

    [Fact]
    public void Where_with_two_columns_needs_both_to_match()
    {
        const string text = "a,b,x,y\n1,1,1,1\n1,2,2,2\n2,1,3,3\n1,1,4,4\n";
        var (x, _) = Read(text, "x", "y", new Dictionary<string, string> { ["a"] = "1", ["b"] = "1" });
        Assert.Equal([1, 4], x);
    }

    [Theory]
    [InlineData("abc", "\"abc\"")]
    [InlineData("inf", "\"inf\"")]
    [InlineData("NaN", "\"NaN\"")]
    [InlineData("Infinity", "\"Infinity\"")]
    [InlineData("1e400", "\"1e400\"")]
    [InlineData("0x10", "\"0x10\"")]
    [InlineData("1 2", "\"1 2\"")]
    public void A_non_numeric_cell_names_its_line_and_column(string cell, string quoted)
    {
        // Line 1 is the header; the bad cell is on line 3.
        var text = $"name,horsepower,miles_per_gallon\na,100,20\nb,{cell},21\nc,120,22\n";
        var e = Assert.Throws<ContentException>(() => Read(text));
        var error = Assert.Single(e.Errors);
        Assert.Equal(File, error.File);
        Assert.Equal("line 3", error.Location);
        Assert.Contains("column \"horsepower\" is not a finite number (" + quoted + ")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_value_names_its_line()
    {
        var e = Assert.Throws<ContentException>(() => Read("name,horsepower,miles_per_gallon\na,100,20\nb,,21\nc,120\n"));
        Assert.Equal(["line 3", "line 4"], e.Errors.Select(x => x.Location));
        Assert.Contains("column \"horsepower\" is missing", e.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("column \"miles_per_gallon\" is missing", e.Errors[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\r")] // old Mac line ends only
    [InlineData("mixed")] // CRLF, LF and a lone CR in one file: more rows than either count of line ends says
    public void Every_line_end_style_gives_every_row(string style)
    {
        // Oracle: the five rows written here by hand, x = 1…5, y = 2x.
        var text = style == "mixed"
            ? "horsepower,miles_per_gallon\r\n1,2\n2,4\r3,6\r\n4,8\r5,10"
            : "horsepower,miles_per_gallon\r1,2\r2,4\r3,6\r4,8\r5,10\r";
        var (x, y) = Read(text, "horsepower", "miles_per_gallon");
        Assert.Equal([1, 2, 3, 4, 5], x);
        Assert.Equal([2, 4, 6, 8, 10], y);
    }

    [Fact]
    public void A_comma_decimal_mark_shows_as_too_many_fields_on_its_line()
    {
        // Line 3 was written "18,5" for 18.5: three fields under a two-name header. Row 2 is fine.
        var e = Assert.Throws<ContentException>(() => Read("horsepower,miles_per_gallon\n100,20\n130,18,5\n", "horsepower", "miles_per_gallon"));
        var error = Assert.Single(e.Errors);
        Assert.Equal("line 3", error.Location);
        Assert.Contains("3 fields but the header names 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_names_the_header_line_and_what_is_there()
    {
        var e = Assert.Throws<ContentException>(() => Read("name,hp,mpg\na,1,2\n"));
        Assert.Contains(e.Errors, x => x.File == File && x.Location == "line 1" && x.Message.Contains("no column named \"horsepower\"", StringComparison.Ordinal) && x.Message.Contains("\"hp\"", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.Message.Contains("no column named \"miles_per_gallon\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Column_names_match_exactly()
    {
        // " horsepower" (with a space) and "Horsepower" are not "horsepower".
        Assert.Throws<ContentException>(() => Read("name, horsepower,miles_per_gallon\na,1,2\n"));
        Assert.Throws<ContentException>(() => Read("name,Horsepower,miles_per_gallon\na,1,2\n"));
    }

    [Fact]
    public void Spaces_around_numbers_are_allowed()
    {
        var (x, y) = Read("name,horsepower,miles_per_gallon\na,  130 ,\t18.5\t\nb,\" 140 \",  -2e1\n");
        Assert.Equal([130, 140], x);
        Assert.Equal([18.5, -20], y);
    }

    [Fact]
    public void A_bom_and_crlf_line_ends_are_accepted_and_lines_still_counted()
    {
        // The BOM sits right before the first column's name, which must still match exactly.
        var text = "\uFEFFhorsepower,miles_per_gallon,name\r\n130,18,a\r\n140,17,b\r\n";
        var (x, y) = Read(text);
        Assert.Equal([130, 140], x);
        Assert.Equal([18, 17], y);

        var bad = "\uFEFFhorsepower,miles_per_gallon,name\r\n130,18,a\r\nx,17,b\r\n";
        Assert.Equal("line 3", Assert.Throws<ContentException>(() => Read(bad)).Errors[0].Location);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted()
    {
        var e = Assert.Throws<ContentException>(() => Read("name,horsepower,miles_per_gallon\n\na,1,2\n\nb,oops,3\n"));
        Assert.Equal("line 5", e.Errors[0].Location);
    }

    [Fact]
    public void A_quoted_field_that_never_closes_names_its_line()
    {
        var e = Assert.Throws<ContentException>(() => Read("name,horsepower,miles_per_gallon\na,1,2\n\"b,3,4\n"));
        Assert.Contains(e.Errors, x => x.Location == "line 3" && x.Message.Contains("never closed", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error()
    {
        var e = Assert.Throws<ContentException>(() => Read("name,horsepower,miles_per_gallon\n\"a\"b,1,2\n"));
        Assert.Contains(e.Errors, x => x.Location == "line 2" && x.Message.Contains("after a closing quote", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_csv_says_so()
    {
        var e = Assert.Throws<ContentException>(() => Read(string.Empty));
        Assert.Contains("empty", e.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_only_csv_gives_no_points()
    {
        // The loader then refuses it for having fewer than 2 points (LevelRuleTests).
        var (x, _) = Read("name,horsepower,miles_per_gallon\n");
        Assert.Empty(x);
    }

    [Fact]
    public void Hostile_text_in_a_cell_is_quoted_as_it_is_in_the_message()
    {
        // The message carries the cell as it is; it is escaped where it is written (the CLI's writer, the Tui's drawing).
        var e = Assert.Throws<ContentException>(() => Read("name,horsepower,miles_per_gallon\na,\u001b[31m,2\n"));
        Assert.Contains("(\"\u001b[31m\")", e.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_bad_rows_are_reported_without_flooding()
    {
        var text = new StringBuilder("name,horsepower,miles_per_gallon\n");
        for (var i = 0; i < 100; i++)
        {
            text.Append("a,x,1\n");
        }

        var e = Assert.Throws<ContentException>(() => Read(text.ToString()));
        Assert.Equal(11, e.Errors.Count); // ten located rows and one "and 90 more"
        Assert.Contains("and 90 more", e.Errors[^1].Message, StringComparison.Ordinal);
    }
}
