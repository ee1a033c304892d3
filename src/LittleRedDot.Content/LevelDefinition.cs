using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>A level file with its data loaded: the playable engine <see cref="Engine.Level"/> and its hash.</summary>
public sealed class LevelDefinition
{
    private readonly Lazy<string> sha256;

    public LevelDefinition(LevelSpec spec, Level level)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(level);
        Spec = spec;
        Level = level;
        sha256 = new Lazy<string>(() => LevelHash.Compute(spec.Id, level));
    }

    public LevelSpec Spec { get; }

    public Level Level { get; }

    public string Id => Spec.Id;

    public string Title => Spec.Title;

    /// <summary>The level hash of RULES.md §6, lower-case hex.</summary>
    public string Sha256 => sha256.Value;
}
