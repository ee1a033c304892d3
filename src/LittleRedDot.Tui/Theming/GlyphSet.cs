namespace LittleRedDot.Tui.Theming;

/// <summary>The characters the game draws with: Unicode where the terminal has it, plain ASCII otherwise.</summary>
public sealed record GlyphSet
{
    public required bool Unicode { get; init; }

    /// <summary>The little red dot. Without colour it keeps a glyph of its own so it never hides among the others.</summary>
    public required char Dot { get; init; }

    public required char Path { get; init; }

    public required char Ghost { get; init; }

    public required char Start { get; init; }

    public required char Minimum { get; init; }

    public required char Floor { get; init; }

    public required char Contour { get; init; }

    public required char DataPoint { get; init; }

    public required char StarFull { get; init; }

    public required char StarEmpty { get; init; }

    public required char OffLeft { get; init; }

    public required char OffRight { get; init; }

    public required char OffUp { get; init; }

    public required char OffDown { get; init; }

    public required string Box { get; init; }

    public required char Pointer { get; init; }

    public required string Ellipsis { get; init; }

    /// <summary>Horizontal, vertical, and the four corners, then the tees used where panels meet.</summary>
    public char Horizontal => Box[0];

    public char Vertical => Box[1];

    public char TopLeft => Box[2];

    public char TopRight => Box[3];

    public char BottomLeft => Box[4];

    public char BottomRight => Box[5];

    public static GlyphSet For(TerminalTraits traits)
    {
        ArgumentNullException.ThrowIfNull(traits);
        return traits.Unicode
            ? new GlyphSet
            {
                Unicode = true,
                Dot = traits.Color ? '●' : '◉',
                Path = '•',
                Ghost = '∘',
                Start = '○',
                Minimum = '×',
                Floor = traits.Color ? '·' : '≡',
                Contour = '·',
                DataPoint = traits.Color ? '•' : '+',
                StarFull = '★',
                StarEmpty = '☆',
                OffLeft = '◂',
                OffRight = '▸',
                OffUp = '▴',
                OffDown = '▾',
                Box = "─│┌┐└┘",
                Pointer = '▶',
                Ellipsis = "…",
            }
            : new GlyphSet
            {
                Unicode = false,
                Dot = '@',
                Path = '*',
                Ghost = '.',
                Start = 'o',
                Minimum = 'X',
                Floor = '=',
                Contour = ':',
                DataPoint = '+',
                StarFull = '*',
                StarEmpty = '.',
                OffLeft = '<',
                OffRight = '>',
                OffUp = '^',
                OffDown = 'v',
                Box = "-|++++",
                Pointer = '>',
                Ellipsis = "...",
            };
    }
}
