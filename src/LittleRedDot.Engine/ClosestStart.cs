namespace LittleRedDot.Engine;

/// <summary>
/// The start in a level's start box nearest the valley floor: where the starting gap is smallest. A level
/// is valid only if this gap is above τ (RULES.md §3), so that no start is already in the goal.
/// </summary>
public sealed record ClosestStart(double Beta0, double Beta1, double Gap);
