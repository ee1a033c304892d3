using LittleRedDot.Engine;

namespace LittleRedDot.Content.Progress;

/// <summary>
/// What the game keeps in the user's settings file under "LittleRedDot": the player's name, the runs
/// folder every run is saved to (a workshop's shared folder), the room every run is submitted to and
/// the tokens of the names claimed in rooms (RULES.md §9), and the last choice made on each level so
/// that "try again" starts there.
/// </summary>
public sealed record GameSettings
{
    public string? Player { get; init; }

    public string? RunsFolder { get; init; }

    /// <summary>The room's address (RULES.md §9) every finished run is submitted to; null for none.</summary>
    public string? Room { get; init; }

    public IReadOnlyList<RoomToken> RoomTokens { get; init; } = [];

    public IReadOnlyDictionary<string, Choice> LastChoices { get; init; } = new Dictionary<string, Choice>(StringComparer.Ordinal);

    public GameSettings WithLastChoice(string levelId, Choice choice)
    {
        var copy = new Dictionary<string, Choice>(LastChoices, StringComparer.Ordinal) { [levelId] = choice };
        return this with { LastChoices = copy };
    }

    /// <summary>The token of <paramref name="player"/> in <paramref name="room"/>, or null.</summary>
    public string? RoomTokenFor(string room, string player) =>
        RoomTokens.FirstOrDefault(t => t.Room == room && t.Player == player)?.Token;

    /// <summary>These settings with the token of <paramref name="player"/> in <paramref name="room"/> replaced.</summary>
    public GameSettings WithRoomToken(string room, string player, string token) => this with
    {
        RoomTokens = [.. RoomTokens.Where(t => t.Room != room || t.Player != player), new RoomToken(room, player, token)],
    };
}
