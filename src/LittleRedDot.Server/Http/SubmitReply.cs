namespace LittleRedDot.Server.Http;

/// <summary>
/// `POST /api/runs` 201 (stored and ranked) or 200 (<paramref name="AlreadyStored"/>: the same run, by digest,
/// was stored before and is not counted again): the name's token to send as X-Player-Token from now on.
/// </summary>
public sealed record SubmitReply(bool Verified, string? Token, bool? AlreadyStored = null);
