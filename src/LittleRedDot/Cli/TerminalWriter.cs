using System.Globalization;
using System.Text;
using LittleRedDot.Content;

namespace LittleRedDot.Cli;

/// <summary>
/// The one writer every line of the CLI goes through (ARCHITECTURE.md: text is escaped where it is written). Whatever
/// a message holds — a level title, a player name, a path, an operating system's error message quoting a file name —
/// each control, format or separator character (<see cref="TextSafety.IsUnsafe"/>: ESC, BEL, bidirectional overrides,
/// U+2028…) and each lone surrogate is written as its visible \uXXXX escape (a character outside the BMP as its two
/// UTF-16 escapes, so JSON output stays valid JSON with the same values), and only the line feed passes. RULES.md §8.
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
