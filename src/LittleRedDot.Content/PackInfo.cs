namespace LittleRedDot.Content;

/// <summary>
/// A pack's optional pack.json: { "title", "description", "workshop", "predict" }; "predict" (optional, false when
/// absent) makes the game ask for a prediction of the outcome before each launch (issue 11).
/// </summary>
public sealed record PackInfo(string Title, string? Description, bool Workshop, bool Predict = false);
