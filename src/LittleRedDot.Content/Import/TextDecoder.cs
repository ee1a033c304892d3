using System.Text;

namespace LittleRedDot.Content.Import;

/// <summary>
/// Turns the bytes of a text table into text, the way the files people have are written: UTF-8 with or
/// without a byte-order mark, UTF-16 little- or big-endian (a spreadsheet's "Unicode text"), and
/// Windows-1252 when the bytes are not valid UTF-8 (an older spreadsheet's "CSV" on Windows).
/// The name of the encoding assumed is returned, so the importer can say it.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text and a name for the encoding assumed, e.g. "UTF-16 LE (byte-order mark)".</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            return (Utf8(bytes[3..]) ?? Windows1252.GetString(bytes[3..]), "UTF-8 (byte-order mark)");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(bytes[2..]), "UTF-16 LE (byte-order mark)");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "UTF-16 BE (byte-order mark)");
        }

        // Text has no NUL bytes; UTF-16 of Latin text has one in every other byte.
        if (Utf16WithoutMark(bytes) is { } utf16)
        {
            return utf16;
        }

        return Utf8(bytes) is { } text
            ? (text, "UTF-8")
            : (Windows1252.GetString(bytes), "Windows-1252 (the bytes are not valid UTF-8)");
    }

    /// <summary>Windows-1252 from the framework's code-page provider (the only encoding here it adds).</summary>
    public static Encoding Windows1252
    {
        get
        {
            RegisterCodePages();
            return Encoding.GetEncoding(1252);
        }
    }

    /// <summary>Makes the code pages available (Windows-1252 here; ExcelDataReader's .xls strings need them too). Idempotent.</summary>
    public static void RegisterCodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string? Utf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static (string, string)? Utf16WithoutMark(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, 4096) & ~1)];
        if (sample.Length < 4 || sample.IndexOf((byte)0) < 0)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        var half = sample.Length / 4;
        return oddZeros > half && evenZeros == 0 ? (Encoding.Unicode.GetString(bytes), "UTF-16 LE (no byte-order mark; every other byte is 0)")
            : evenZeros > half && oddZeros == 0 ? (Encoding.BigEndianUnicode.GetString(bytes), "UTF-16 BE (no byte-order mark; every other byte is 0)")
            : null;
    }
}
