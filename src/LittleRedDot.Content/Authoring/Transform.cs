using LittleRedDot.Engine;

namespace LittleRedDot.Content.Authoring;

/// <summary>
/// The shift and scale a generated level plays one variable with (RULES.md §6: v' = (v − Shift) / Scale), and
/// why: values are brought near 0 with a spread near 1 only when they are far off — a centre beyond three
/// spreads is shifted, a spread above 5 or below 0.05 is scaled; a shift is the centre in whole units of the spread's power of ten — so ordinary data stays as it is.
/// </summary>
public sealed record Transform(double Shift, double Scale, string Why)
{
    public bool IsShifted => Shift != 0;

    public bool IsScaled => Scale != 1;

    public static Transform For(string name, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var mean = values.Average();
        var spread = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
        var stats = $"mean {N(mean)}, spread {N(spread)}";
        if (spread == 0 || !double.IsFinite(spread))
        {
            return new Transform(0, 1, $"{name} as it is ({stats})");
        }

        var far = Math.Abs(mean) > 3 * spread;
        var odd = spread is > 5 or < 0.05;
        var shift = far ? NiceNumber.InUnitsOf(mean, spread) : 0;
        var scale = odd ? NiceNumber.Nearest(spread) : 1;
        // What a far centre does depends on the variable: x's sets the valley's shape (RULES.md §1: H has x̄ and the
        // mean of x² in it), y's only where the floor lies and how large the costs are.
        var farWhy = name == "x" ? "which makes a long, narrow valley" : "which puts the floor far out and makes the costs large";
        var why = (far, odd) switch
        {
            (false, false) => $"{name} as it is ({stats}: the centre within 3 spreads of 0, the spread between 0.05 and 5)",
            (true, false) => $"{name} centred: {name}Shift {DoubleText.RoundTrip(shift)} ({stats}: the centre is more than 3 spreads from 0, {farWhy})",
            (false, true) => $"{name} scaled: {name}Scale {DoubleText.RoundTrip(scale)} ({stats}: a spread outside 0.05 to 5 makes a steep, narrow valley or a flat one)",
            _ => $"{name} centred and scaled: {name}Shift {DoubleText.RoundTrip(shift)}, {name}Scale {DoubleText.RoundTrip(scale)} ({stats}: the centre is more than 3 spreads from 0, {farWhy}; the spread is outside 0.05 to 5)",
        };
        return new Transform(shift, scale, why);
    }

    private static string N(double value) => DoubleText.Significant(value, 4);
}
