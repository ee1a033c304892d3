namespace LittleRedDot.Content.Rooms;

/// <summary>
/// The shape of a name's token (RULES.md §9, <c>X-Player-Token</c>): a room makes it as the base64url text of 24 random
/// bytes (32 characters of A–Z, a–z, 0–9, '-' and '_'). A client accepts a token only of that alphabet and
/// <see cref="MinLength"/> to <see cref="MaxLength"/> characters, so that whatever a room (or something posing as one)
/// sends back can be kept in the settings file and sent as a header later: no line break, no non-ASCII, no megabytes.
/// </summary>
public static class PlayerToken
{
    /// <summary>The fewest characters: 16 bytes (128 bits) of base64url.</summary>
    public const int MinLength = 22;

    /// <summary>The most characters: 96 bytes of base64url, three times what a room makes.</summary>
    public const int MaxLength = 128;

    /// <summary>What a token must be, for messages.</summary>
    public const string Expected = "22 to 128 characters of A–Z, a–z, 0–9, '-' and '_'";

    /// <summary>Whether <paramref name="token"/> has the shape a room's token has.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: >= MinLength and <= MaxLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
