namespace LittleRedDot.Content;

/// <summary>A pack (RULES.md §6): a folder of level files, listed in ordinal file-name order.</summary>
public sealed record Pack(string Name, string Folder, string Title, string? Description, bool Workshop, IReadOnlyList<string> LevelFiles);
