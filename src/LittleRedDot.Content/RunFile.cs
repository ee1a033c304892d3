using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>A saved run (RULES.md §7): the player's choice, the result as saved, and its digest.</summary>
public sealed record RunFile
{
    public const string FormatName = "littlereddot-run";

    public long RulesVersion { get; init; } = Engine.RulesVersion.Current;

    public required string LevelId { get; init; }

    public required string LevelSha256 { get; init; }

    public required string Player { get; init; }

    /// <summary>RFC 3339 UTC, exactly as written in the file (it is part of the digest).</summary>
    public required string SavedAt { get; init; }

    public required Choice Choice { get; init; }

    /// <summary>The result as saved; null only in a file made under other rules whose result could not be read.</summary>
    public RunResult? Result { get; init; }

    public required string Digest { get; init; }

    /// <summary>When it was saved, for ranking (earlier first).</summary>
    public DateTimeOffset SavedAtInstant => RunFileReader.ParseSavedAt(SavedAt) ?? DateTimeOffset.MaxValue;
}
