namespace LittleRedDot.Engine;

/// <summary>
/// One of β0, β1 in a level (RULES.md §2): fixed at a value the descent never changes, or free with
/// a start range [Min, Max] for the player's initial value (Min = Max fixes the start, not the parameter).
/// </summary>
public sealed record ParameterRule
{
    private ParameterRule(bool isFixed, double min, double max)
    {
        IsFixed = isFixed;
        Min = min;
        Max = max;
    }

    public bool IsFixed { get; }

    public bool IsFree => !IsFixed;

    /// <summary>The lower end of the start range; for a fixed parameter, its value.</summary>
    public double Min { get; }

    /// <summary>The upper end of the start range; for a fixed parameter, its value.</summary>
    public double Max { get; }

    /// <summary>The value of a fixed parameter.</summary>
    public double Value => Min;

    public static ParameterRule Fixed(double value)
    {
        RequireFinite(value, nameof(value));
        return new ParameterRule(true, value, value);
    }

    public static ParameterRule Range(double min, double max)
    {
        RequireFinite(min, nameof(min));
        RequireFinite(max, nameof(max));
        if (CheckRange("the start range", min, max) is { } problem)
        {
            throw new ArgumentException(problem, nameof(max));
        }

        return new ParameterRule(false, min, max);
    }

    /// <summary>
    /// RULES.md §6: a start range's max is not below its min. Null when it holds; else the expectation, naming
    /// the parameter as <paramref name="name"/> — the constructor throws it, the level reader reports it in place.
    /// </summary>
    public static string? CheckRange(string name, double min, double max) =>
        min <= max ? null : $"expected {name} max ≥ min ({DoubleText.RoundTrip(min)})";

    /// <summary>Whether a player's initial value is allowed: inside the range, or equal to the fixed value.</summary>
    public bool Allows(double value) => IsFixed ? value == Value : value >= Min && value <= Max;

    private static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "A parameter's value must be a finite number.");
        }
    }
}
