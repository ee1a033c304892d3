using System.Globalization;

namespace LittleRedDot.Content.Authoring;

/// <summary>
/// The shift and scale a generated level plays one variable with (RULES.md §6: v' = (v − Shift) / Scale), and
/// why: values are brought near 0 with a spread near 1 only when they are far off — a centre beyond three
/// spreads is shifted, a spread above 20 or below 0.05 is scaled — so ordinary data stays as it is.
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
        var odd = spread is > 20 or < 0.05;
        var shift = far ? NiceNumber.Nearest(mean) : 0;
        var scale = odd ? NiceNumber.Nearest(spread) : 1;
        var why = (far, odd) switch
        {
            (false, false) => $"{name} as it is ({stats}: near 0, spread near 1)",
            (true, false) => $"{name} centred: {name}Shift {N(shift)} ({stats}: the centre is more than 3 spreads from 0, which makes a long, narrow valley)",
            (false, true) => $"{name} scaled: {name}Scale {N(scale)} ({stats}: a spread far from 1 makes costs and α awkward)",
            _ => $"{name} centred and scaled: {name}Shift {N(shift)}, {name}Scale {N(scale)} ({stats}: far from 0, and a spread far from 1)",
        };
        return new Transform(shift, scale, why);
    }

    /// <summary>Three significant digits, written as every number is (<see cref="JsonNumbers.Text"/>).</summary>
    private static string N(double value) =>
        JsonNumbers.Text(double.IsFinite(value) ? double.Parse(value.ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : value);
}
