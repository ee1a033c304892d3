namespace LittleRedDot.Engine.Tests;

/// <summary>
/// Level rules are checked once (LevelRules.Check*): the constructor refuses exactly what the checks refuse,
/// in their words — the level reader reports the same words at the place in the file. Oracle: RULES.md §2/§6's
/// limits, one rule broken per case.
/// </summary>
public sealed class LevelRulesTests
{
    private static readonly ParameterRule Free = ParameterRule.Range(-1, 1);

    public static TheoryData<string, Func<LevelRules>, string> Broken => new()
    {
        { "both fixed", () => Make(beta0: ParameterRule.Fixed(0), beta1: ParameterRule.Fixed(1)), LevelRules.CheckFree(ParameterRule.Fixed(0), ParameterRule.Fixed(1))! },
        { "α min 0", () => Make(alphaMin: 0), LevelRules.CheckAlphaMin(0)! },
        { "α min NaN", () => Make(alphaMin: double.NaN), LevelRules.CheckAlphaMin(double.NaN)! },
        { "α max < min", () => Make(alphaMin: 0.1, alphaMax: 0.01), LevelRules.CheckAlphaMax(0.1, 0.01)! },
        { "α max ∞", () => Make(alphaMax: double.PositiveInfinity), LevelRules.CheckAlphaMax(0.01, double.PositiveInfinity)! },
        { "budget 0", () => Make(budget: 0, par: 1), LevelRules.CheckBudget(0)! },
        { "budget past the limit", () => Make(budget: LevelRules.MaxBudget + 1, par: 1), LevelRules.CheckBudget(LevelRules.MaxBudget + 1)! },
        { "τ 0", () => Make(tolerance: 0), LevelRules.CheckTolerance(0)! },
        { "par past the budget", () => Make(budget: 10, par: 11), LevelRules.CheckPar(11, 10)! },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void The_constructor_refuses_in_the_checks_words(string rule, Func<LevelRules> make, string words)
    {
        var e = Assert.ThrowsAny<ArgumentException>(make);
        Assert.True(e.Message.StartsWith(words, StringComparison.Ordinal), $"{rule}: \"{e.Message}\" does not start with \"{words}\"");
    }

    [Fact]
    public void Rules_at_their_limits_are_kept()
    {
        Assert.Null(LevelRules.CheckAlphaMin(double.Epsilon));
        Assert.Null(LevelRules.CheckAlphaMax(0.1, 0.1));
        Assert.Null(LevelRules.CheckBudget(1));
        Assert.Null(LevelRules.CheckBudget(LevelRules.MaxBudget));
        Assert.Null(LevelRules.CheckPar(10, 10));
        Assert.Null(LevelRules.CheckPar(LevelRules.MaxBudget, null)); // the budget unknown: only the limit applies
        Assert.NotNull(LevelRules.CheckPar(0, null));
        Assert.Null(ParameterRule.CheckRange("β1", -4, -4));
        Assert.Equal("expected β1 max ≥ min (-1)", ParameterRule.CheckRange("β1", -1, -4));
        _ = Make(alphaMin: 0.1, alphaMax: 0.1, budget: 1, par: 1);
    }

    private static LevelRules Make(ParameterRule? beta0 = null, ParameterRule? beta1 = null, double alphaMin = 0.01, double alphaMax = 0.1, int budget = 50, double tolerance = 0.5, int par = 8) =>
        new(CostKind.Mse, beta0 ?? Free, beta1 ?? Free, alphaMin, alphaMax, budget, tolerance, par);
}
