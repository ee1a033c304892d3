namespace LittleRedDot.Content.Rooms;

/// <summary>
/// A token the player gives by hand (`run --token`, or the configuration key <see cref="Key"/>, environment
/// LITTLEREDDOT__ROOMTOKEN) over the tokens kept in the settings file: the way back into a claimed name when the room
/// stored a run but its token could not be written down (RULES.md §9; issue 14).
/// </summary>
public sealed class GivenRoomToken(IRoomTokens kept, string given) : IRoomTokens
{
    /// <summary>The configuration key of a token given by hand.</summary>
    public const string Key = "LittleRedDot:RoomToken";

    /// <summary>The environment variable that sets <see cref="Key"/>.</summary>
    public const string Variable = "LITTLEREDDOT__ROOMTOKEN";

    /// <summary>The tokens in the settings file, under <paramref name="token"/> when one was given.</summary>
    public static IRoomTokens Over(IRoomTokens kept, string? token) =>
        string.IsNullOrEmpty(token) ? kept : new GivenRoomToken(kept, token);

    /// <summary>What to tell a player whose token <paramref name="token"/> could not be kept: the token, and how to give it by hand.</summary>
    public static string HowToKeep(string token) =>
        $"keep this token yourself: {token} — give it to later runs as `run --token {token}`, or set the environment variable {Variable}={token} (read by `run` and `play`)";

    /// <summary>The given token, for every room and player (it is sent only with a run of this session's player).</summary>
    public string? Find(RoomAddress room, string player) => given;

    /// <summary>Keeps a token that differs from the given one in the settings file.</summary>
    public void Keep(RoomAddress room, string player, string token)
    {
        if (token != given)
        {
            kept.Keep(room, player, token);
        }
    }
}
