namespace LittleRedDot.Engine;

/// <summary>A playable level: its rules, its data and the valley they make (RULES.md §2).</summary>
public sealed class Level
{
    public Level(LevelRules rules, DataSet data)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(data);
        Rules = rules;
        Data = data;
        Valley = new Valley(data, rules.Cost, rules.Beta0, rules.Beta1);
        Curvature = Curvature.Of(Valley);
    }

    public LevelRules Rules { get; }

    public DataSet Data { get; }

    public Valley Valley { get; }

    public Curvature Curvature { get; }

    /// <summary>
    /// Why a choice is refused (RULES.md §2), in words naming the range; null when it may be played.
    /// The engine never clamps.
    /// </summary>
    public string? CheckChoice(Choice choice)
    {
        var r = Rules;
        if (!double.IsFinite(choice.Alpha) || !(choice.Alpha >= r.AlphaMin && choice.Alpha <= r.AlphaMax))
        {
            return $"α = {DoubleText.RoundTrip(choice.Alpha)} is outside this level's range [{DoubleText.RoundTrip(r.AlphaMin)}, {DoubleText.RoundTrip(r.AlphaMax)}].";
        }

        var problem = CheckStart("β0", choice.Beta0, r.Beta0) ?? CheckStart("β1", choice.Beta1, r.Beta1);
        if (problem is not null)
        {
            return problem;
        }

        var gap = Valley.Gap(choice.Beta0, choice.Beta1);
        return gap <= r.Tolerance
            ? $"The start (β0 = {DoubleText.RoundTrip(choice.Beta0)}, β1 = {DoubleText.RoundTrip(choice.Beta1)}) is already in the goal (gap {DoubleText.RoundTrip(gap)} ≤ τ = {DoubleText.RoundTrip(r.Tolerance)}): start farther from the valley."
            : null;
    }

    private static string? CheckStart(string name, double value, ParameterRule rule)
    {
        if (!double.IsFinite(value))
        {
            return $"{name} = {DoubleText.RoundTrip(value)} is not a finite number.";
        }

        if (rule.IsFixed)
        {
            return value == rule.Value ? null : $"{name} is fixed at {DoubleText.RoundTrip(rule.Value)} in this level; {DoubleText.RoundTrip(value)} was given.";
        }

        return rule.Allows(value) ? null : $"{name} = {DoubleText.RoundTrip(value)} is outside this level's start range [{DoubleText.RoundTrip(rule.Min)}, {DoubleText.RoundTrip(rule.Max)}].";
    }
}
