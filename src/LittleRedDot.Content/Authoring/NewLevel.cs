namespace LittleRedDot.Content.Authoring;

/// <summary>What a generated level file says beyond its rules: its names and where its data comes from.</summary>
public sealed record NewLevel(string Id, string Title, string Story, IReadOnlyList<string> Hints, string? Credits, DataSource Data, LevelDraft Draft);
