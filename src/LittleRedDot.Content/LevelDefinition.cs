using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>A level file with its data loaded: the playable engine <see cref="Engine.Level"/> and its hash.</summary>
public sealed class LevelDefinition
{
    private readonly Lazy<string> sha256;

    public LevelDefinition(LevelSpec spec, Level level)
        : this(spec, level, null)
    {
    }

    /// <summary>A level whose hash was already made (as its CSV was read); null to make it from the points when asked.</summary>
    public LevelDefinition(LevelSpec spec, Level level, string? sha256)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(level);
        Spec = spec;
        Level = level;
        this.sha256 = sha256 is null ? new Lazy<string>(() => LevelHash.Compute(spec.Id, level)) : new Lazy<string>(sha256);
    }

    public LevelSpec Spec { get; }

    public Level Level { get; }

    public string Id => Spec.Id;

    public string Title => Spec.Title;

    /// <summary>The level hash of RULES.md §6, lower-case hex.</summary>
    public string Sha256 => sha256.Value;
}
