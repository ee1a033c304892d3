namespace LittleRedDot.Content.Rooms;

/// <summary>What sending the waiting runs did: how many were stored, how many refused (final), and each refusal in words.</summary>
public sealed record SendReport(int Stored, int Refused, IReadOnlyList<string> Refusals);
