namespace LittleRedDot.Content;

/// <summary>A pack's optional pack.json: { "title", "description", "workshop" }.</summary>
public sealed record PackInfo(string Title, string? Description, bool Workshop);
