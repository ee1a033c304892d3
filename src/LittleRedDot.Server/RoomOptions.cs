namespace LittleRedDot.Server;

/// <summary>How a room is served (RULES.md §9): the facilitator's token and the limits each client gets.</summary>
public sealed record RoomOptions
{
    /// <summary>The default address: this machine only; `--urls http://0.0.0.0:5055` opens it to the room's network.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5055";

    /// <summary>The largest request body taken (RULES.md §9); a run file is well under a kilobyte.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The bearer token of `POST /api/round`, `POST /api/release` and `GET /api/export`.</summary>
    public required string AdminToken { get; init; }

    /// <summary>Requests a second one client (one IP address) may keep up (RULES.md §9: 429 past it).</summary>
    public int RequestsPerSecond { get; init; } = 20;

    /// <summary>Requests one client may send at once before the per-second rate applies.</summary>
    public int Burst { get; init; } = 40;

    /// <summary>How often a client's allowance is refilled by <see cref="RequestsPerSecond"/> (tests make it long).</summary>
    public TimeSpan RefillPeriod { get; init; } = TimeSpan.FromSeconds(1);
}
