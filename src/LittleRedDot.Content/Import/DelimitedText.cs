using System.Text;

namespace LittleRedDot.Content.Import;

/// <summary>
/// Delimited text as spreadsheets and scripts write it: a delimiter among ',', ';', tab and '|', fields in
/// double quotes may hold the delimiter, a line end or a doubled quote (RFC 4180 with another delimiter);
/// lines end in LF, CRLF or CR; blank lines are skipped. Lines are numbered from 1.
/// </summary>
public static class DelimitedText
{
    /// <summary>The delimiters recognised, in the order preferred when several fit equally.</summary>
    public static IReadOnlyList<char> Delimiters { get; } = ['\t', ';', '|', ','];

    private const int SampleRows = 50;

    /// <summary>A delimiter's name for messages: "tab", "';'".</summary>
    public static string Name(char delimiter) => delimiter == '\t' ? "tab" : $"'{delimiter}'";

    /// <summary>
    /// The delimiter that splits the first rows into the same number of fields (two or more), the
    /// preferred one (<see cref="Delimiters"/>) when several do; failing that, the one that splits the
    /// most of them; null when none splits any row (a single column).
    /// </summary>
    public static char? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        char? steady = null;
        char? most = null;
        var mostRows = 0;
        foreach (var delimiter in Delimiters)
        {
            List<int> counts;
            try
            {
                counts = Rows(text, delimiter).Take(SampleRows).Select(r => r.Cells.Count).ToList();
            }
            catch (ContentException)
            {
                continue; // its quoting does not fit this delimiter
            }

            var split = counts.Count(c => c > 1);
            if (steady is null && counts.Count > 0 && counts[0] > 1 && counts.All(c => c == counts[0]))
            {
                steady = delimiter;
            }

            if (split > mostRows)
            {
                (most, mostRows) = (delimiter, split);
            }
        }

        return steady ?? most;
    }

    /// <summary>The non-blank rows, each with the line it starts on.</summary>
    /// <exception cref="ContentException">A quoted field that is never closed, or text after a closing quote.</exception>
    public static IEnumerable<SourceRow> Rows(string text, char delimiter, string file = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        var pos = 0;
        var line = 1;
        var cells = new List<string>();
        var cell = new StringBuilder();
        while (pos < text.Length)
        {
            if (text[pos] is '\n' or '\r')
            {
                pos += text[pos] == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n' ? 2 : 1;
                line++;
                continue;
            }

            var start = line;
            cells.Clear();
            while (true)
            {
                cell.Clear();
                if (pos < text.Length && text[pos] == '"')
                {
                    var quoteLine = line;
                    pos++;
                    while (true)
                    {
                        if (pos >= text.Length)
                        {
                            throw new ContentException(new LocatedError(file, $"line {quoteLine}", "a quoted field is never closed; expected a closing '\"'"));
                        }

                        var c = text[pos++];
                        if (c == '"')
                        {
                            if (pos < text.Length && text[pos] == '"')
                            {
                                cell.Append('"');
                                pos++;
                                continue;
                            }

                            break;
                        }

                        line += c == '\n' || (c == '\r' && (pos >= text.Length || text[pos] != '\n')) ? 1 : 0;
                        cell.Append(c);
                    }

                    // Spaces after a closing quote are a common slip; anything else is not.
                    while (pos < text.Length && text[pos] == ' ' && delimiter != ' ')
                    {
                        pos++;
                    }

                    if (pos < text.Length && text[pos] != delimiter && text[pos] is not ('\n' or '\r'))
                    {
                        throw new ContentException(new LocatedError(file, $"line {line}", $"unexpected text after a closing quote; expected {Name(delimiter)} or the end of the line"));
                    }
                }
                else
                {
                    var end = pos;
                    while (end < text.Length && text[end] != delimiter && text[end] is not ('\n' or '\r'))
                    {
                        end++;
                    }

                    cell.Append(text, pos, end - pos);
                    pos = end;
                }

                cells.Add(cell.ToString());
                if (pos < text.Length && text[pos] == delimiter)
                {
                    pos++;
                    continue;
                }

                break;
            }

            yield return new SourceRow(start, cells.ToArray());
        }
    }
}
