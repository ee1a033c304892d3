namespace LittleRedDot.Engine;

/// <summary>The cost J of RULES.md §1: the mean squared error, or one half of it.</summary>
public enum CostKind
{
    /// <summary>J = (1/N) Σ r²; its gradient carries a factor 2.</summary>
    Mse,

    /// <summary>J = (1/(2N)) Σ r²; same valley, half the curvature.</summary>
    HalfMse,
}
