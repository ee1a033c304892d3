namespace LittleRedDot.Engine;

/// <summary>
/// The version of RULES.md this engine implements; bumped whenever §1–5, the level hash or the run digest
/// change (§7), so that a run saved under other rules is reported as such rather than failing to verify.
/// </summary>
/// <remarks>
/// What each version changed — a run file or golden run of an older version can be read against this:
/// <list type="table">
///   <item><term>1</term><description>
///     The first rules: J = mse or half-mse of the line β0 + β1·x (§1); batch gradient descent with the
///     gradient in §5's order of operations, the bounce count, the goal τ above the valley floor, divergence
///     at gap &gt; 10⁶·g0 or a non-finite value (§3); score ⌊10000·(B − k + 1)/B⌋ and stars by par (§4);
///     SHA-256 level hash over §6's canonical rules and data, and the run digest of §7.
///   </description></item>
/// </list>
/// A new version adds a line here saying what changed and why, bumps <see cref="Current"/>, and regenerates
/// the golden runs (README: "Golden runs").
/// </remarks>
public static class RulesVersion
{
    public const int Current = 1;
}
