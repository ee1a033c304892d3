namespace LittleRedDot.Engine;

/// <summary>The rules of a level (RULES.md §2), without its data.</summary>
public sealed record LevelRules
{
    public LevelRules(CostKind cost, ParameterRule beta0, ParameterRule beta1, double alphaMin, double alphaMax, int budget, double tolerance, int par)
    {
        ArgumentNullException.ThrowIfNull(beta0);
        ArgumentNullException.ThrowIfNull(beta1);
        if (beta0.IsFixed && beta1.IsFixed)
        {
            throw new ArgumentException("At least one of β0, β1 must be free.", nameof(beta1));
        }

        if (!double.IsFinite(alphaMin) || !double.IsFinite(alphaMax) || !(alphaMin > 0) || !(alphaMin <= alphaMax))
        {
            throw new ArgumentOutOfRangeException(nameof(alphaMin), $"The α range needs 0 < min ≤ max, both finite; got [{DoubleText.RoundTrip(alphaMin)}, {DoubleText.RoundTrip(alphaMax)}].");
        }

        if (budget < 1 || budget > MaxBudget)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, $"The budget must be from 1 to {MaxBudget}.");
        }

        if (!double.IsFinite(tolerance) || !(tolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The goal tolerance τ must be a finite number > 0.");
        }

        if (par < 1 || par > budget)
        {
            throw new ArgumentOutOfRangeException(nameof(par), par, "Par must be from 1 to the budget.");
        }

        Cost = cost;
        Beta0 = beta0;
        Beta1 = beta1;
        AlphaMin = alphaMin;
        AlphaMax = alphaMax;
        Budget = budget;
        Tolerance = tolerance;
        Par = par;
    }

    /// <summary>The largest budget a level may set (RULES.md §6).</summary>
    public const int MaxBudget = 1_000_000;

    public CostKind Cost { get; }

    public ParameterRule Beta0 { get; }

    public ParameterRule Beta1 { get; }

    public double AlphaMin { get; }

    public double AlphaMax { get; }

    /// <summary>B: the most steps a run may take.</summary>
    public int Budget { get; }

    /// <summary>τ: the goal, in cost units above the valley floor.</summary>
    public double Tolerance { get; }

    /// <summary>P: three stars at or under this many steps.</summary>
    public int Par { get; }
}
