using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>
/// A level file as read and checked (RULES.md §6), before its data is loaded: enough to list it, and
/// what <see cref="LevelLoader.Load(LevelSpec)"/> turns into a playable <see cref="LevelDefinition"/>.
/// </summary>
public sealed record LevelSpec
{
    /// <summary>The level file's full path.</summary>
    public required string Path { get; init; }

    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Story { get; init; }

    public IReadOnlyList<string> Hints { get; init; } = [];

    public string? Credits { get; init; }

    /// <summary>The rules version the file names, if it names one.</summary>
    public int? RulesVersion { get; init; }

    public required LevelRules Rules { get; init; }

    public required DataSource Data { get; init; }
}
