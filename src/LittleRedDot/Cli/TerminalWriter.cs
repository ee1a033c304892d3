using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using LittleRedDot.Content;

namespace LittleRedDot.Cli;

/// <summary>
/// The one writer every line of the CLI goes through (ARCHITECTURE.md: text is escaped where it is written). Whatever
/// a message holds — a level title, a player name, a path, an operating system's error message quoting a file name —
/// each control, format or separator character (<see cref="TextSafety.IsUnsafe"/>: ESC, BEL, bidirectional overrides,
/// U+2028…) and each lone surrogate is written as its visible \uXXXX escape (a character outside the BMP as its two
/// UTF-16 escapes, so JSON output stays valid JSON with the same values), and only the line feed passes. RULES.md §8.
/// A line written as an interpolated string (<c>writer.WriteLine($"error: {file}: {why}")</c>) goes through
/// <see cref="LineHandler"/>: its literal text is the program's own, while every value put in a hole is outside text and
/// has its line feeds escaped too, so a folder, file or column name holding one cannot forge an output line.
/// </summary>
public sealed class TerminalWriter(TextWriter inner) : TextWriter(CultureInfo.InvariantCulture)
{
    private char pendingHigh;

    /// <summary>The writer underneath, which receives only safe text.</summary>
    public TextWriter Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public override Encoding Encoding => Inner.Encoding;

    /// <summary>Always "\n": a line end is part of the output's format, not the platform's.</summary>
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => "\n";
        set { }
    }

    /// <summary>
    /// How many terminal columns <paramref name="text"/> takes once written here: a wide character (CJK, most emoji) two,
    /// a combining mark none, each escaped UTF-16 unit six (\uXXXX). For aligning columns of names from files.
    /// </summary>
    public static int Columns(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var columns = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            columns += rune.Value == '\n' ? 0
                : TextSafety.IsUnsafe(rune) ? 6 * rune.Utf16SequenceLength
                : Math.Max(0, Terminal.Gui.Text.RuneExtensions.GetColumns(rune));
        }

        return columns;
    }

    /// <summary>Wraps <paramref name="writer"/> unless it already is one.</summary>
    public static TerminalWriter Of(TextWriter writer) => writer as TerminalWriter ?? new TerminalWriter(writer);

    /// <summary>
    /// Writes one of the program's own terminal control sequences (a constant such as "clear the screen") as it is: the
    /// one way past the escaping, for text that never came from outside the program.
    /// </summary>
    public void WriteSequence(string sequence)
    {
        Flush();
        Emit(sequence);
    }

    public override void Write(char value)
    {
        if (pendingHigh != '\0')
        {
            var high = pendingHigh;
            pendingHigh = '\0';
            if (char.IsLowSurrogate(value))
            {
                var rune = new Rune(high, value);
                if (TextSafety.IsUnsafe(rune))
                {
                    Escape(high);
                    Escape(value);
                }
                else
                {
                    Emit(high);
                    Emit(value);
                }

                return;
            }

            Escape(high); // a high surrogate with nothing after it
        }

        if (char.IsHighSurrogate(value))
        {
            pendingHigh = value;
        }
        else if (value != '\n' && (char.IsSurrogate(value) || TextSafety.IsUnsafe(new Rune(value))))
        {
            Escape(value);
        }
        else
        {
            Emit(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        if (pendingHigh == '\0' && IsPlain(value))
        {
            Emit(value);
            return;
        }

        foreach (var c in value)
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Write(new string(buffer, index, count));
    }

    public override void WriteLine() => Write('\n');

    /// <summary>Writes an interpolated line: literals as they are, each value with its line feeds escaped as well (see <see cref="LineHandler"/>).</summary>
#pragma warning disable CA1822, IDE0060 // the handler has already written everything; the parameter only carries it here
    public void Write([InterpolatedStringHandlerArgument("")] ref LineHandler text)
    {
    }
#pragma warning restore CA1822, IDE0060

    /// <summary>Writes an interpolated line and a line feed: literals as they are, each value with its line feeds escaped as well.</summary>
#pragma warning disable IDE0060 // the handler has already written the text; the parameter only carries it here
    public void WriteLine([InterpolatedStringHandlerArgument("")] ref LineHandler line) => Write('\n');
#pragma warning restore IDE0060

    /// <summary>
    /// Writes <paramref name="value"/> as one line's worth of outside text: a line feed in it is escaped (\u000A) like every
    /// other control character, where <see cref="Write(string)"/> lets it pass.
    /// </summary>
    public void WriteValue(string? value)
    {
        if (value is null)
        {
            return;
        }

        var start = 0;
        for (var end = value.IndexOf('\n', StringComparison.Ordinal); end >= 0; end = value.IndexOf('\n', start))
        {
            Write(value[start..end]);
            Escape('\n');
            start = end + 1;
        }

        Write(start == 0 ? value : value[start..]);
    }

    /// <summary>
    /// Builds an interpolated line straight into a <see cref="TerminalWriter"/>: literal parts are the program's text and
    /// pass as written; each hole's value is formatted in the invariant culture (alignment as string.Format pads) and
    /// written with <see cref="WriteValue"/>, so a value cannot end the line or start another.
    /// </summary>
    [InterpolatedStringHandler]
    public readonly ref struct LineHandler
    {
        private readonly TerminalWriter writer;

#pragma warning disable IDE0060 // the lengths are the compiler's hint, not needed when writing straight through
        public LineHandler(int literalLength, int formattedCount, TerminalWriter writer)
#pragma warning restore IDE0060
        {
            ArgumentNullException.ThrowIfNull(writer);
            this.writer = writer;
        }

        public void AppendLiteral(string value) => writer.Write(value);

        public void AppendFormatted<T>(T value) => AppendFormatted(value, 0, null);

        public void AppendFormatted<T>(T value, string? format) => AppendFormatted(value, 0, format);

        public void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

        public void AppendFormatted<T>(T value, int alignment, string? format)
        {
            var text = value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString() ?? string.Empty;
            writer.WriteValue(alignment >= 0 ? text.PadLeft(alignment) : text.PadRight(-alignment));
        }

        public void AppendFormatted(string? value) => writer.WriteValue(value);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    public override void Flush()
    {
        if (pendingHigh != '\0')
        {
            Escape(pendingHigh);
            pendingHigh = '\0';
        }

        if (!Closed)
        {
            Guard(Inner.Flush);
        }
    }

    public override string ToString() => Inner.ToString() ?? string.Empty;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    /// <summary>Printable ASCII, line feeds and plain letters of other scripts: nothing to escape (the common case, kept fast).</summary>
    private static bool IsPlain(string value)
    {
        foreach (var c in value)
        {
            if ((c < ' ' && c != '\n') || c >= '\u007f')
            {
                if (c < '\u00a0' || char.IsSurrogate(c) || TextSafety.IsUnsafe(new Rune(c)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the stream underneath was closed (`littlereddot board … | head -3`, or a terminal that went away): what is
    /// written after that is dropped, and the verb ends as it would have, instead of failing with "internal error".
    /// </summary>
    public bool Closed { get; private set; }

    private void Emit(char c) => Guard(() => Inner.Write(c));

    private void Emit(string text) => Guard(() => Inner.Write(text));

    private void Guard(Action write)
    {
        if (Closed)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            Closed = true;
        }
    }

    private void Escape(char c) => Emit(string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
}
