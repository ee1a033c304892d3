using System.Text;

namespace LittleRedDot.Tui.Theming;

/// <summary>
/// Text for a terminal without Unicode: every character outside ASCII becomes one ASCII character (α → a,
/// β → b, ≤ → &lt;, … → .), so that layouts keep their widths; anything else unknown becomes '?'.
/// </summary>
public static class AsciiText
{
    public static char Of(char c) => c < 128 ? c : c switch
    {
        '✗' => 'x',
        'α' => 'a',
        'β' => 'b',
        'ŷ' => 'y',
        'λ' => 'L',
        'κ' => 'k',
        'τ' => 't',
        'Σ' => 'S',
        '∂' => 'd',
        '∇' => 'V',
        '·' or '•' or '∙' or '…' => '.',
        '≤' or '←' or '◂' => '<',
        '≥' or '→' or '▸' or '›' or '▶' => '>',
        '↑' or '▴' => '^',
        '↓' or '▾' => 'v',
        '−' or '—' or '–' or '─' => '-',
        '×' => 'x',
        '²' => '2',
        '★' => '*',
        '☆' => '.',
        '│' => '|',
        '∞' => '8',
        '’' or '‘' => '\'',
        '“' or '”' => '"',
        _ => '?',
    };

    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ascii = true;
        foreach (var c in text)
        {
            ascii &= c < 128;
        }

        if (ascii)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                sb.Append(Of(c));
            }
        }

        return sb.ToString();
    }
}
