namespace LittleRedDot.Engine;

/// <summary>The rules of a level (RULES.md §2), without its data.</summary>
public sealed record LevelRules
{
    /// <exception cref="ArgumentException">A rule that <see cref="CheckFree"/>, <see cref="CheckAlphaMin"/>,
    /// <see cref="CheckAlphaMax"/>, <see cref="CheckBudget"/>, <see cref="CheckTolerance"/> or <see cref="CheckPar"/> refuses.</exception>
    public LevelRules(CostKind cost, ParameterRule beta0, ParameterRule beta1, double alphaMin, double alphaMax, int budget, double tolerance, int par)
    {
        ArgumentNullException.ThrowIfNull(beta0);
        ArgumentNullException.ThrowIfNull(beta1);
        if (CheckFree(beta0, beta1) is { } notFree)
        {
            throw new ArgumentException(notFree, nameof(beta1));
        }

        InRange(CheckAlphaMin(alphaMin), nameof(alphaMin), alphaMin);
        InRange(CheckAlphaMax(alphaMin, alphaMax), nameof(alphaMax), alphaMax);
        InRange(CheckBudget(budget), nameof(budget), budget);
        InRange(CheckTolerance(tolerance), nameof(tolerance), tolerance);
        InRange(CheckPar(par, budget), nameof(par), par);

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

    // The rules of a level, each checked once: the constructor throws with these words, and the level
    // reader reports them at the place in the file, followed by what it found. Null when the rule holds.

    /// <summary>RULES.md §2: at least one of β0, β1 is free.</summary>
    public static string? CheckFree(ParameterRule beta0, ParameterRule beta1)
    {
        ArgumentNullException.ThrowIfNull(beta0);
        ArgumentNullException.ThrowIfNull(beta1);
        return beta0.IsFixed && beta1.IsFixed ? "both β0 and β1 are fixed; at least one must be free" : null;
    }

    /// <summary>RULES.md §6: the smallest α is a finite number above 0.</summary>
    public static string? CheckAlphaMin(double alphaMin) => double.IsFinite(alphaMin) && alphaMin > 0 ? null : "expected α min > 0";

    /// <summary>RULES.md §6: the largest α is finite and not below the smallest.</summary>
    public static string? CheckAlphaMax(double alphaMin, double alphaMax) =>
        double.IsFinite(alphaMax) && alphaMin <= alphaMax ? null : $"expected α max ≥ min ({DoubleText.RoundTrip(alphaMin)})";

    /// <summary>RULES.md §6: a budget B from 1 to <see cref="MaxBudget"/> steps.</summary>
    public static string? CheckBudget(long budget) => budget is >= 1 and <= MaxBudget ? null : $"expected a budget from 1 to {MaxBudget}";

    /// <summary>RULES.md §6: a goal tolerance τ that is a finite number above 0.</summary>
    public static string? CheckTolerance(double tolerance) => double.IsFinite(tolerance) && tolerance > 0 ? null : "expected a tolerance τ > 0";

    /// <summary>RULES.md §6: par P from 1 to the budget (null <paramref name="budget"/>: the budget is unknown, P only up to <see cref="MaxBudget"/>).</summary>
    public static string? CheckPar(long par, long? budget) =>
        par >= 1 && par <= (budget ?? MaxBudget) && par <= MaxBudget
            ? null
            : $"expected par from 1 to the budget ({(budget is { } b ? b.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")})";

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

    private static void InRange(string? problem, string parameter, object value)
    {
        if (problem is not null)
        {
            throw new ArgumentOutOfRangeException(parameter, value, problem);
        }
    }
}
