namespace LittleRedDot.Content.Rooms;

/// <summary>The bodies of RULES.md §9, as <see cref="RoomJson"/> reads and writes them.</summary>
internal static class RoomWire
{
    /// <summary>
    /// 201 to POST /api/runs, <c>{ "verified": true, "token": T }</c>: the run is stored and ranked, the token is the player's
    /// name claim; or 200 <c>{ "verified": true, "alreadyStored": true }</c> (a token only when the request carried it): the
    /// same run was stored before. Null fields are what the room left out.
    /// </summary>
    internal sealed record Accepted(bool? Verified, string? Token, bool? AlreadyStored);

    /// <summary>An RFC 9457 problem; a 422 adds replay's <c>reason</c> and <c>field</c>.</summary>
    internal sealed record Problem(string? Title, string? Detail, string? Reason, string? Field);

    /// <summary>The body of POST /api/round.</summary>
    internal sealed record Round(string Action, string? At);

    /// <summary>GET /api/board: the object `board --format json` prints, plus what a room adds: its pack's title and level ids, and the round.</summary>
    internal sealed record Board(
        IReadOnlyList<BoardPlayer>? Players,
        IReadOnlyList<BoardRejected>? Rejected,
        string? Title,
        IReadOnlyList<string>? Levels,
        BoardRound? Round);

    /// <summary>The round a room's board belongs to: whether it is closed (or when it closes) and whether the board is frozen.</summary>
    internal sealed record BoardRound(long? Number, string? ClosesAt, bool? Closed, bool? Frozen);

    internal sealed record BoardPlayer(int Rank, string? Player, long Score, long Stars, long Bounces, Dictionary<string, long>? Levels);

    internal sealed record BoardRejected(string? File, string? Reason);
}
