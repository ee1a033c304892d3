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
        if (!(min <= max))
        {
            throw new ArgumentException($"The start range needs min ≤ max; got [{DoubleText.RoundTrip(min)}, {DoubleText.RoundTrip(max)}].", nameof(min));
        }

        return new ParameterRule(false, min, max);
    }

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
