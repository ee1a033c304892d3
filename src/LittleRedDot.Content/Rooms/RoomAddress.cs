using System.Security.Cryptography;
using System.Text;

namespace LittleRedDot.Content.Rooms;

/// <summary>
/// A room's address (RULES.md §9): an absolute http or https URL such as <c>http://192.168.1.20:5055</c>,
/// normalised so that one room has one spelling — the key its token and its outbox are kept under.
/// A path is kept (a room may sit behind a proxy under one); the API lives below it.
/// </summary>
public sealed record RoomAddress
{
    private RoomAddress(Uri baseUri) => BaseUri = baseUri;

    /// <summary>The room's base, ending in '/': <c>api/runs</c> and the rest are resolved against it.</summary>
    public Uri BaseUri { get; }

    /// <summary>The normalised address without the final '/', as shown to a player and kept in settings.</summary>
    public string Text => BaseUri.AbsoluteUri.TrimEnd('/');

    /// <summary>A short file-name-safe key: the first 16 hex digits of SHA-256 of <see cref="Text"/>.</summary>
    public string FolderKey => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)))[..16];

    /// <summary>Whether <paramref name="text"/> looks like a room's address rather than a folder (it names a scheme).</summary>
    public static bool LooksLikeUrl(string text) =>
        text is not null && (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads an address; null and a reason in words when it is not an http(s) URL with a host.</summary>
    public static RoomAddress? TryParse(string? text, out string? problem)
    {
        problem = null;
        var trimmed = text?.Trim() ?? string.Empty;
        if (!LooksLikeUrl(trimmed) || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            problem = $"\"{trimmed}\" is not a room's address; give it as http://HOST:PORT (the address `littlereddot serve` prints)";
            return null;
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            problem = $"\"{trimmed}\" has a query, fragment or user name; give just http://HOST:PORT";
            return null;
        }

        var builder = new UriBuilder(uri) { Path = uri.AbsolutePath.TrimEnd('/') + "/" };
        return new RoomAddress(builder.Uri);
    }

    /// <summary>Reads an address the user typed.</summary>
    /// <exception cref="RoomException">It is not an http(s) URL with a host.</exception>
    public static RoomAddress Parse(string? text) =>
        TryParse(text, out var problem) ?? throw new RoomException(problem!);

    /// <summary>An endpoint of the room, such as <c>api/runs</c>.</summary>
    public Uri Endpoint(string relative) => new(BaseUri, relative);

    public override string ToString() => Text;
}
