using LittleRedDot.Engine;

namespace LittleRedDot.Engine.Tests.Oracles;

/// <summary>
/// A second, independent transcription of RULES.md §5 (and the checks of §3), line by line from the
/// page, written without looking at the engine's loop. §5 promises that any implementation that follows
/// it reproduces every digest bit for bit, so the engine must agree with this one exactly.
/// </summary>
public static class Section5
{
    public sealed record Run(Outcome Outcome, int Steps, int Bounces, List<(double B0, double B1, double J)> States);

    public static Run Play(double[] x, double[] y, CostKind cost, ParameterRule p0, ParameterRule p1, double alpha, double start0, double start1, int budget, double tau)
    {
        double n = x.Length;
        double sx = 0, sy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sx += x[i];
        }

        for (var i = 0; i < y.Length; i++)
        {
            sy += y[i];
        }

        var xbar = sx / n;
        var ybar = sy / n;
        double sxx = 0, sxy = 0, q = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxx += (x[i] - xbar) * (x[i] - xbar);
            sxy += (x[i] - xbar) * (y[i] - ybar);
            q += x[i] * x[i];
        }

        var v = sxx / n;
        var m2 = q / n;
        double b0, b1;
        if (p0.IsFree && p1.IsFree)
        {
            b1 = sxy / sxx;
            b0 = ybar - (b1 * xbar);
        }
        else if (p1.IsFree)
        {
            var c = p0.Value;
            double t = 0;
            for (var i = 0; i < x.Length; i++)
            {
                t += x[i] * (y[i] - c);
            }

            b1 = t / q;
            b0 = c;
        }
        else
        {
            var m = p1.Value;
            double t = 0;
            for (var i = 0; i < x.Length; i++)
            {
                t += y[i] - (m * x[i]);
            }

            b0 = t / n;
            b1 = m;
        }

        var s = cost == CostKind.Mse ? 1.0 : 0.5;
        double rr = 0;
        for (var i = 0; i < x.Length; i++)
        {
            rr += ((b0 + (b1 * x[i])) - y[i]) * ((b0 + (b1 * x[i])) - y[i]);
        }

        var jstar = (s * rr) / n;
        var k = cost == CostKind.Mse ? 2.0 : 1.0;
        var h = k / 2;

        (double G0, double G1, double Gap) At(double beta0, double beta1)
        {
            var e0 = p0.IsFree ? beta0 - b0 : 0.0;
            var e1 = p1.IsFree ? beta1 - b1 : 0.0;
            if (p0.IsFree && p1.IsFree)
            {
                var u = e0 + (xbar * e1);
                return (k * u, k * ((xbar * e0) + ((v + (xbar * xbar)) * e1)), h * ((u * u) + (v * (e1 * e1))));
            }

            return p1.IsFree ? (0, k * (m2 * e1), h * (m2 * (e1 * e1))) : (k * e0, 0, h * (e0 * e0));
        }

        var b = (start0, start1);
        var gap0 = At(b.start0, b.start1).Gap;
        var states = new List<(double, double, double)> { (b.start0, b.start1, jstar + gap0) };
        var bounces = 0;
        for (var step = 1; ; step++)
        {
            var (g0, g1, _) = At(b.start0, b.start1);
            var next = (p0.IsFree ? b.start0 - (alpha * g0) : b.start0, p1.IsFree ? b.start1 - (alpha * g1) : b.start1);
            var ePrev0 = p0.IsFree ? b.start0 - b0 : 0.0;
            var ePrev1 = p1.IsFree ? b.start1 - b1 : 0.0;
            var eNext0 = p0.IsFree ? next.Item1 - b0 : 0.0;
            var eNext1 = p1.IsFree ? next.Item2 - b1 : 0.0;
            if ((eNext0 * ePrev0) + (eNext1 * ePrev1) < 0)
            {
                bounces++;
            }

            b = next;
            var gap = At(b.start0, b.start1).Gap;
            var j = jstar + gap;
            states.Add((b.start0, b.start1, j));
            if (double.IsNaN(j) || double.IsInfinity(j) || gap > 1000000.0 * gap0)
            {
                return new Run(Outcome.Diverged, step, bounces, states);
            }

            if (gap <= tau)
            {
                return new Run(Outcome.Reached, step, bounces, states);
            }

            if (step == budget)
            {
                return new Run(Outcome.OutOfSteps, step, bounces, states);
            }
        }
    }
}
