namespace LittleRedDot.Server.Http;

/// <summary>`POST /api/round`: `action` is open, close, freeze, unfreeze or reset; `at` an RFC 3339 time for close.</summary>
public sealed record RoundRequest(string? Action, string? At);
