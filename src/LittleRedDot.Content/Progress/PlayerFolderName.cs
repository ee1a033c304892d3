using System.Security.Cryptography;
using System.Text;

namespace LittleRedDot.Content.Progress;

/// <summary>
/// A folder name for a player that every file system accepts: the name's ASCII letters and digits (for
/// people reading the folder) and the first 8 hex digits of its SHA-256 (so that "Ada" and "ada", or two
/// names of only non-ASCII letters, never share progress).
/// </summary>
public static class PlayerFolderName
{
    private const int MaxReadable = 24;

    public static string Of(string player)
    {
        ArgumentNullException.ThrowIfNull(player);
        var readable = new StringBuilder(MaxReadable);
        foreach (var c in player)
        {
            if (readable.Length == MaxReadable)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                readable.Append(char.ToLowerInvariant(c));
            }
            else if ((c is '-' or '_' or '.' or ' ') && readable.Length > 0 && readable[^1] != '-')
            {
                readable.Append('-');
            }
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(player)))[..8];
        var prefix = readable.ToString().Trim('-');
        return prefix.Length == 0 ? "player-" + hash : prefix + "-" + hash;
    }
}
