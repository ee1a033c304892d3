namespace LittleRedDot.Content.Rooms;

/// <summary>
/// One submitted run's fate (<paramref name="Delivery"/>); how many runs that waited earlier were stored or refused on the way;
/// how many still wait for the room; and, when the run was not delivered and could not be kept either, why (it is then lost).
/// </summary>
public sealed record OutboxReport(Delivery Delivery, int EarlierStored, int EarlierRefused, int Waiting, string? NotKept);
