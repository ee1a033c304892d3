namespace LittleRedDot.Server.Http;

/// <summary>`POST /api/release`: the exact player name to release, so that its next accepted run claims it anew.</summary>
public sealed record ReleaseRequest(string? Player);
