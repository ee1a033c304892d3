using LittleRedDot.Engine;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// Steps the learning rate α on a log scale through round numbers — 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8
/// times a power of ten (ten steps a decade, each about ×1.26) — kept inside the level's α range,
/// whose ends are steps too.
/// </summary>
public static class AlphaLadder
{
    private static readonly double[] Mantissas = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8];

    /// <summary>The next round value above <paramref name="alpha"/>, or the range's maximum.</summary>
    public static double Up(double alpha, double min, double max)
    {
        var next = Next(alpha, up: true);
        return next >= max || alpha >= max ? max : Math.Max(next, min);
    }

    /// <summary>The next round value below <paramref name="alpha"/>, or the range's minimum.</summary>
    public static double Down(double alpha, double min, double max)
    {
        var next = Next(alpha, up: false);
        return next <= min || alpha <= min ? min : Math.Min(next, max);
    }

    /// <summary>A round value near the geometric middle of the range: where a first try starts.</summary>
    public static double Middle(double min, double max)
    {
        var middle = Math.Sqrt(min * max);
        var down = Next(middle * 1.0000001, up: false);
        return Math.Clamp(down, min, max);
    }

    private static double Next(double alpha, bool up)
    {
        if (!(alpha > 0) || !double.IsFinite(alpha))
        {
            return alpha;
        }

        var decade = Math.Floor(Math.Log10(alpha));
        for (var d = decade - 1; d <= decade + 1; d++)
        {
            var scale = Math.Pow(10, d);
            if (up)
            {
                foreach (var m in Mantissas)
                {
                    var v = DoubleText.Tidy(m * scale);
                    if (v > alpha * (1 + 1e-9))
                    {
                        return v;
                    }
                }
            }
        }

        if (!up)
        {
            for (var d = decade + 1; d >= decade - 1; d--)
            {
                var scale = Math.Pow(10, d);
                for (var i = Mantissas.Length - 1; i >= 0; i--)
                {
                    var v = DoubleText.Tidy(Mantissas[i] * scale);
                    if (v < alpha * (1 - 1e-9))
                    {
                        return v;
                    }
                }
            }
        }

        return up ? alpha * 1.25 : alpha / 1.25;
    }
}
