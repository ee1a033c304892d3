namespace LittleRedDot.Content.Lessons;

/// <summary>An α a lesson prints for the player to try, as printed, and what its sentence promises it does.</summary>
public sealed record PrintedAlpha(string Text, AlphaPromise Promise);

/// <summary>What a lesson says an α it prints will do, typed exactly as printed.</summary>
public enum AlphaPromise
{
    /// <summary>Below the bounce threshold 1/λmax: along the steepest direction the dot never crosses the floor.</summary>
    NeverCrossesAcross,

    /// <summary>Below the stability limit 2/λmax: the dot never flies off (every direction's |1 − α·λ| is below 1).</summary>
    NeverFliesOff,

    /// <summary>About 2/(λmin + λmax), the best single α: it never flies off and both directions shrink.</summary>
    BestSingle,
}
