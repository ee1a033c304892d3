namespace LittleRedDot.Engine;

/// <summary>What the player picks: the learning rate α and the initial β0, β1 (fixed ones at their value).</summary>
public readonly record struct Choice(double Alpha, double Beta0, double Beta1);
