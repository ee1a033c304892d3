using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LittleRedDot.Tui.Theming;

/// <summary>
/// Colours and glyphs for the game. With colour the dot is bright red on the terminal's own background;
/// without colour (NO_COLOR) every attribute keeps the terminal's default colours and emphasis comes from
/// bold, faint, underline and reverse, while the dot keeps a glyph of its own.
/// </summary>
public sealed class Theme
{
    /// <summary>The number of shades on the valley map, from the floor up.</summary>
    public const int ShadeCount = 8;

    private readonly Attribute[] inks;
    private readonly Attribute[] shades;

    public Theme(TerminalTraits traits)
    {
        ArgumentNullException.ThrowIfNull(traits);
        Traits = traits;
        Glyphs = GlyphSet.For(traits);
        var none = Color.None;
        inks = new Attribute[Enum.GetValues<Ink>().Length];
        if (traits.Color)
        {
            Set(Ink.Normal, new Attribute(none, none));
            Set(Ink.Dim, new Attribute(new Color(ColorName16.DarkGray), none));
            Set(Ink.Title, new Attribute(new Color(ColorName16.White), none, TextStyle.Bold));
            Set(Ink.Key, new Attribute(new Color(ColorName16.BrightCyan), none, TextStyle.Bold));
            Set(Ink.Dot, new Attribute(new Color(ColorName16.BrightRed), none, TextStyle.Bold));
            Set(Ink.Data, new Attribute(new Color(ColorName16.BrightCyan), none));
            Set(Ink.Line, new Attribute(new Color(ColorName16.BrightYellow), none));
            Set(Ink.Path, new Attribute(new Color(215, 95, 95), none));
            Set(Ink.Ghost, new Attribute(new Color(ColorName16.Gray), none));
            Set(Ink.Floor, new Attribute(new Color(ColorName16.Green), none));
            Set(Ink.Start, new Attribute(new Color(ColorName16.White), none, TextStyle.Bold));
            Set(Ink.Minimum, new Attribute(new Color(ColorName16.BrightGreen), none, TextStyle.Bold));
            Set(Ink.Good, new Attribute(new Color(ColorName16.BrightGreen), none, TextStyle.Bold));
            Set(Ink.Bad, new Attribute(new Color(ColorName16.BrightRed), none, TextStyle.Bold));
            Set(Ink.Warn, new Attribute(new Color(ColorName16.BrightYellow), none));
            Set(Ink.Axis, new Attribute(new Color(ColorName16.DarkGray), none));
            Set(Ink.Selected, new Attribute(new Color(ColorName16.Black), new Color(ColorName16.Cyan)));
            Set(Ink.Star, new Attribute(new Color(ColorName16.BrightYellow), none, TextStyle.Bold));
            Set(Ink.Emphasis, new Attribute(none, none, TextStyle.Italic));
            Set(Ink.Code, new Attribute(new Color(215, 175, 135), none));
        }
        else
        {
            Set(Ink.Normal, new Attribute(none, none));
            foreach (var ink in new[] { Ink.Dim, Ink.Ghost, Ink.Axis, Ink.Floor })
            {
                Set(ink, new Attribute(none, none, TextStyle.Faint));
            }

            foreach (var ink in new[] { Ink.Title, Ink.Key, Ink.Dot, Ink.Start, Ink.Minimum, Ink.Good, Ink.Bad, Ink.Star })
            {
                Set(ink, new Attribute(none, none, TextStyle.Bold));
            }

            Set(Ink.Emphasis, new Attribute(none, none, TextStyle.Italic));
            foreach (var ink in new[] { Ink.Data, Ink.Line, Ink.Path, Ink.Warn, Ink.Code })
            {
                Set(ink, new Attribute(none, none));
            }

            Set(Ink.Selected, new Attribute(none, none, TextStyle.Reverse));
        }

        shades = new Attribute[ShadeCount];
        for (var i = 0; i < ShadeCount; i++)
        {
            // From a dark green floor to a dusk blue rim; the text on it (contours, floor) stays readable.
            var t = i / (double)(ShadeCount - 1);
            shades[i] = traits.Color
                ? new Attribute(new Color(ColorName16.Gray), new Color((int)(8 + (52 * t)), (int)(44 + (4 * t)), (int)(30 + (90 * t))))
                : inks[(int)Ink.Dim];
        }

        Scheme = traits.Color
            ? new Scheme(this[Ink.Normal])
            {
                Focus = new Attribute(new Color(ColorName16.Black), new Color(ColorName16.BrightCyan)),
                HotNormal = this[Ink.Key],
                HotFocus = new Attribute(new Color(ColorName16.Black), new Color(ColorName16.BrightCyan), TextStyle.Bold),
                Editable = new Attribute(new Color(ColorName16.Black), new Color(ColorName16.BrightCyan)),
                ReadOnly = this[Ink.Dim],
                Disabled = this[Ink.Dim],
                Active = this[Ink.Selected],
                HotActive = this[Ink.Selected],
                Highlight = this[Ink.Key],
            }
            : new Scheme(this[Ink.Normal])
            {
                Focus = new Attribute(none, none, TextStyle.Reverse),
                HotNormal = this[Ink.Key],
                HotFocus = new Attribute(none, none, TextStyle.Reverse | TextStyle.Bold),
                Editable = new Attribute(none, none, TextStyle.Reverse),
                ReadOnly = this[Ink.Dim],
                Disabled = this[Ink.Dim],
                Active = this[Ink.Selected],
                HotActive = this[Ink.Selected],
                Highlight = new Attribute(none, none, TextStyle.Underline),
            };
    }

    public TerminalTraits Traits { get; }

    public GlyphSet Glyphs { get; }

    /// <summary>The scheme every Terminal.Gui view in the game uses (text fields).</summary>
    public Scheme Scheme { get; }

    public Attribute this[Ink ink] => inks[(int)ink];

    /// <summary>The attribute of a band of the valley map, 0 at the floor.</summary>
    public Attribute Shade(int band) => shades[Math.Clamp(band, 0, ShadeCount - 1)];

    private void Set(Ink ink, Attribute attribute) => inks[(int)ink] = attribute;
}
