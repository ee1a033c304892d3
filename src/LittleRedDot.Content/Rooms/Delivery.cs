namespace LittleRedDot.Content.Rooms;

/// <summary>
/// The room's answer to one run. <paramref name="Message"/> is one line in words (it may hold text the
/// room sent: escape it where it is written); <paramref name="Token"/> is the name claim a 201 returns;
/// <paramref name="Reason"/> and <paramref name="Field"/> are replay's words on a 422; <paramref name="Detail"/> is the
/// room's own shortest word on a refusal (the problem's detail, else its reason or title) for a one-line status;
/// <paramref name="TokenNotKept"/> says why the <paramref name="Token"/> of a stored run could not be kept (the player
/// must then keep it by hand, <see cref="GivenRoomToken.HowToKeep"/>), else null.
/// </summary>
public sealed record Delivery(DeliveryStatus Status, string Message, int? HttpStatus = null, string? Token = null, string? Reason = null, string? Field = null, string? Detail = null, string? TokenNotKept = null);
