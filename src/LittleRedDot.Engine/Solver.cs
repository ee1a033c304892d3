namespace LittleRedDot.Engine;

/// <summary>
/// Finds a level's best choice — α in its range and a start in its start box — with the fewest steps to
/// reach the valley (ties: fewer bounces, then smaller final gap, then smaller α), and the exact smallest
/// starting gap over the box: what RULES.md §3 needs to call a level valid.
/// <para>
/// It never brute-forces runs (budgets go up to 10⁶ steps). J is quadratic, so <see cref="Forecast"/>
/// predicts the step count of any choice in closed form. Every choice of the canonical grid of §3 (60 α
/// log-spaced over the range × 11 values per free start range, ends included) is forecast, together with
/// refinements off the grid: α = 1/λmax, 2/(λmin + λmax), 1/λmin, the α that minimises the gap after k
/// steps from promising starts, and starts at the box point nearest the valley and on the Hessian's
/// eigenlines. Then the engine itself (<see cref="Descent.Run"/>, step limit = the best so far) runs the
/// choices in forecast order. A forecast only decides which choices are run, never a result: a choice is
/// skipped only when its forecast is worse than the best confirmed run by a safe margin, so any grid
/// choice that really reaches within the best step count is run (see <see cref="Margin"/>).
/// </para>
/// Pure: no files, clock or randomness; the same level gives the same answer.
/// </summary>
public static class Solver
{
    /// <summary>The canonical grid of RULES.md §3: α values, log-spaced, both ends included.</summary>
    public const int GridAlphaCount = 60;

    /// <summary>The canonical grid of RULES.md §3: values per free start range, evenly spaced, both ends included.</summary>
    public const int GridStartCount = 11;

    /// <summary>
    /// Forecasts are made in real arithmetic against τ raised by this factor: erring towards "reaches
    /// sooner" only costs an extra confirming run, erring the other way could lose a choice.
    /// </summary>
    private const double OptimisticTolerance = 1.0 + 1e-6;

    /// <summary>The factor that puts an α a hair below a suggested one.</summary>
    private const double NudgeBelow = 1.0 - 1e-9;

    /// <summary>Starts whose best α is searched in full (beyond the grid's α values).</summary>
    private const int RefinedGridStarts = 6;

    /// <summary>Steps searched one by one before the α search switches to a binary search over steps.</summary>
    private const int LinearSteps = 64;

    /// <summary>
    /// The most steps the confirming runs of <em>suspect</em> choices may take together, for one level. A choice is
    /// suspect when its forecast reaches τ only far below the gap where doubles make the dot stall (see
    /// <see cref="StallGap"/>): the forecast is made in real arithmetic, the engine's dot gets stuck a few ulps
    /// from the floor, and every such run would otherwise go to its full step limit. Suspect choices are run
    /// after all others; if this limit stops them, the solution says the search was cut short. Other choices are
    /// never limited this way.
    /// </summary>
    public const long MaxSuspectSteps = 20_000_000;

    /// <summary>A choice is suspect when τ is below this fraction of its stall gap.</summary>
    private const double SuspectFactor = 1e-3;

    public static Solution Solve(Level level, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(level);
        var rules = level.Rules;
        var forecast = new Forecast(level.Valley);
        var closest = FindClosestStart(level);
        var tolerance = rules.Tolerance * OptimisticTolerance;
        var horizon = (int)Math.Min(int.MaxValue - 1L, rules.Budget + (long)Margin(rules.Budget));

        var alphas = Alphas(rules, forecast);
        var rates = alphas.Select(forecast.LogRates).ToArray();
        var gridStarts = Starts(level, GridStarts(rules.Beta0), GridStarts(rules.Beta1));
        var extraStarts = Starts(level, ExtraStarts(level, forecast, closest));

        var candidates = new List<Candidate>();
        var seen = new HashSet<(double, double, double)>();
        var bestByStart = new List<(int Steps, double Beta0, double Beta1)>();
        foreach (var (b0, b1) in gridStarts.Concat(extraStarts))
        {
            var weights = forecast.LogWeights(b0, b1);
            var fewest = int.MaxValue;
            for (var i = 0; i < alphas.Length; i++)
            {
                var steps = Forecast.StepsToReach(weights, rates[i], tolerance, horizon) ?? int.MaxValue;
                fewest = Math.Min(fewest, steps);
                if (seen.Add((alphas[i], b0, b1)))
                {
                    candidates.Add(new Candidate(alphas[i], b0, b1, steps));
                }
            }

            bestByStart.Add((fewest, b0, b1));
        }

        // Off the grid: for the most promising starts and every extra start, the α that reaches soonest.
        var refined = bestByStart.Take(gridStarts.Count).OrderBy(s => s.Steps).ThenBy(s => s.Beta0).ThenBy(s => s.Beta1)
            .Take(RefinedGridStarts)
            .Select(s => (s.Beta0, s.Beta1))
            .Concat(extraStarts);
        foreach (var (b0, b1) in refined)
        {
            cancellation.ThrowIfCancellationRequested();
            if (BestAlphaFrom(forecast, rules, b0, b1, tolerance, horizon) is not { } found)
            {
                continue;
            }

            foreach (var alpha in (double[])[found.Alpha, Math.Clamp(found.Alpha * NudgeBelow, rules.AlphaMin, rules.AlphaMax)])
            {
                if (seen.Add((alpha, b0, b1)))
                {
                    // Reaching within k, the run may reach sooner: forecast it like any other choice.
                    var steps = Forecast.StepsToReach(forecast.LogWeights(b0, b1), forecast.LogRates(alpha), tolerance, horizon) ?? found.Steps;
                    candidates.Add(new Candidate(alpha, b0, b1, Math.Min(steps, found.Steps)));
                }
            }
        }

        // The engine decides: run in forecast order, each with a step limit of the best confirmed so far; the
        // suspect choices (τ below what doubles resolve for them) last, within a step allowance.
        var search = new Confirmation(level, cancellation);
        var stall = StallGap(level, forecast);
        Comparison<Candidate> order = static (a, b) => a.Predicted != b.Predicted ? a.Predicted.CompareTo(b.Predicted) : a.Alpha.CompareTo(b.Alpha);
        var trusted = candidates.Where(c => !(rules.Tolerance < SuspectFactor * stall(c.Alpha))).ToList();
        var suspect = candidates.Where(c => rules.Tolerance < SuspectFactor * stall(c.Alpha)).ToList();
        trusted.Sort(order);
        suspect.Sort(order);
        search.RunAll(trusted, long.MaxValue);
        var complete = search.RunAll(suspect, MaxSuspectSteps);
        return new Solution(closest, search.Best, search.BestRun, rules.Tolerance, rules.Par, candidates.Count, search.Runs) { Complete = complete };
    }

    /// <summary>
    /// The order of choices that reach (the tie rules of issue 3): fewer steps, then fewer bounces, then a
    /// smaller final gap, then a smaller α; then the start, so that the answer never depends on search order.
    /// </summary>
    public static int Compare(Choice a, RunResult runA, Choice b, RunResult runB)
    {
        ArgumentNullException.ThrowIfNull(runA);
        ArgumentNullException.ThrowIfNull(runB);
        var c = runA.Steps.CompareTo(runB.Steps);
        c = c != 0 ? c : runA.Bounces.CompareTo(runB.Bounces);
        c = c != 0 ? c : runA.Gap.CompareTo(runB.Gap);
        c = c != 0 ? c : a.Alpha.CompareTo(b.Alpha);
        c = c != 0 ? c : a.Beta0.CompareTo(b.Beta0);
        return c != 0 ? c : a.Beta1.CompareTo(b.Beta1);
    }

    /// <summary>The 60 α values of the canonical grid (RULES.md §3): log-spaced from min to max, both ends exact.</summary>
    public static double[] GridAlphas(LevelRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var values = new double[GridAlphaCount];
        var lo = Math.Log(rules.AlphaMin);
        var hi = Math.Log(rules.AlphaMax);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i == 0 ? rules.AlphaMin
                : i == values.Length - 1 ? rules.AlphaMax
                : Math.Clamp(Math.Exp(lo + ((hi - lo) * i / (GridAlphaCount - 1))), rules.AlphaMin, rules.AlphaMax);
        }

        return values;
    }

    /// <summary>
    /// A parameter's starts on the canonical grid (RULES.md §3): 11 evenly spaced values of a free range,
    /// both ends exact; one value for a range with min = max, or for a fixed parameter.
    /// </summary>
    public static double[] GridStarts(ParameterRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.IsFixed || rule.Min == rule.Max)
        {
            return [rule.Min];
        }

        var values = new double[GridStartCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i == values.Length - 1 ? rule.Max
                : Math.Clamp(rule.Min + ((rule.Max - rule.Min) * i / (GridStartCount - 1)), rule.Min, rule.Max);
        }

        return values;
    }

    /// <summary>
    /// The exact smallest starting gap over the start box, and where. The gap is a convex quadratic: its
    /// minimum over the box is at β* when β* lies in the box, else on an edge, where it is a one-parameter
    /// quadratic minimised by clamping its vertex to the edge. Values come from <see cref="Valley.Gap"/>, the
    /// engine's own arithmetic, so the verdict agrees with the engine's refusal of a start in the goal.
    /// </summary>
    public static ClosestStart FindClosestStart(Level level)
    {
        ArgumentNullException.ThrowIfNull(level);
        var valley = level.Valley;
        var r0 = level.Rules.Beta0;
        var r1 = level.Rules.Beta1;
        var b0 = valley.Beta0Star;
        var b1 = valley.Beta1Star;
        if (!(r0.IsFree && r1.IsFree))
        {
            // One free parameter (the fixed one sits at its value, where β* has it too).
            var p0 = r0.IsFixed ? r0.Value : Math.Clamp(b0, r0.Min, r0.Max);
            var p1 = r1.IsFixed ? r1.Value : Math.Clamp(b1, r1.Min, r1.Max);
            return new ClosestStart(p0, p1, valley.Gap(p0, p1));
        }

        if (r0.Allows(b0) && r1.Allows(b1))
        {
            return new ClosestStart(b0, b1, valley.Gap(b0, b1));
        }

        // On an edge β0 = c the gap h·((e0 + x̄e1)² + v·e1²) is least at e1 = −x̄·e0 / (v + x̄²);
        // on an edge β1 = c it is least at e0 = −x̄·e1.
        var m2 = valley.V + (valley.XBar * valley.XBar);
        ClosestStart? best = null;
        foreach (var c in (double[])[r0.Min, r0.Max])
        {
            var e0 = c - b0;
            var p1 = Math.Clamp(b1 + (-valley.XBar * e0 / m2), r1.Min, r1.Max);
            best = Closer(best, new ClosestStart(c, p1, valley.Gap(c, p1)));
        }

        foreach (var c in (double[])[r1.Min, r1.Max])
        {
            var e1 = c - b1;
            var p0 = Math.Clamp(b0 - (valley.XBar * e1), r0.Min, r0.Max);
            best = Closer(best, new ClosestStart(p0, c, valley.Gap(p0, c)));
        }

        return best!;
    }

    /// <summary>
    /// How far a forecast may be off (in steps) and still be run. Forecasts are exact in real arithmetic;
    /// the engine's doubles round each step (relative error ~1e-16 a step), which moves a step count by a
    /// fraction of a step unless the gap sits within rounding of τ — then by one. Two steps plus 0.1 % is
    /// far beyond that, yet keeps the runs to confirm few.
    /// </summary>
    private static int Margin(int steps) => 2 + (steps / 1000);

    private static ClosestStart Closer(ClosestStart? best, ClosestStart candidate) =>
        best is null || candidate.Gap < best.Gap ? candidate : best;

    /// <summary>
    /// Roughly the gap at which the engine's dot stops moving, for an α. In doubles β_j cannot change by less than
    /// about an ulp of β*_j, so along a direction of curvature λ the step α·λ·c is lost once |c| &lt; ulp/(2αλ):
    /// the dot stalls with a gap near ulp²/(8α²λ), largest along λmin. (Exact landings on β* still happen, which is
    /// why suspect choices are still run, only last.)
    /// </summary>
    private static Func<double, double> StallGap(Level level, Forecast forecast)
    {
        var valley = level.Valley;
        var ulp = Math.Max(
            valley.IsBeta0Free ? Math.BitIncrement(Math.Abs(valley.Beta0Star)) - Math.Abs(valley.Beta0Star) : 0.0,
            valley.IsBeta1Free ? Math.BitIncrement(Math.Abs(valley.Beta1Star)) - Math.Abs(valley.Beta1Star) : 0.0);
        var lambda = forecast.LambdaMin;
        return alpha => ulp * ulp / (8.0 * alpha * alpha * lambda);
    }

    /// <summary>The grid's α values and the ones the curvature suggests, each once, inside the range.</summary>
    private static double[] Alphas(LevelRules rules, Forecast forecast)
    {
        var values = new List<double>(GridAlphas(rules));
        double[] suggested =
        [
            1.0 / forecast.LambdaMax,                             // clears the steepest direction in one step
            2.0 / (forecast.LambdaMin + forecast.LambdaMax),      // the best fixed α: both extremes shrink alike
            1.0 / forecast.LambdaMin,                             // clears the shallowest direction in one step
        ];
        foreach (var a in suggested)
        {
            if (double.IsFinite(a) && a > 0)
            {
                values.Add(Math.Clamp(a, rules.AlphaMin, rules.AlphaMax));

                // A hair below: landing just short of the floor is not a bounce, and rounding may overshoot at 1/λ itself.
                values.Add(Math.Clamp(a * NudgeBelow, rules.AlphaMin, rules.AlphaMax));
            }
        }

        return values.Distinct().ToArray();
    }

    /// <summary>Every combination of the given values that the engine accepts as a start (not already in the goal).</summary>
    private static List<(double Beta0, double Beta1)> Starts(Level level, double[] beta0s, double[] beta1s)
    {
        var pairs = new List<(double, double)>(beta0s.Length * beta1s.Length);
        foreach (var b0 in beta0s)
        {
            foreach (var b1 in beta1s)
            {
                pairs.Add((b0, b1));
            }
        }

        return Starts(level, pairs);
    }

    private static List<(double Beta0, double Beta1)> Starts(Level level, IEnumerable<(double Beta0, double Beta1)> pairs)
    {
        var alpha = level.Rules.AlphaMin;
        return pairs.Distinct().Where(p => level.CheckChoice(new Choice(alpha, p.Beta0, p.Beta1)) is null).ToList();
    }

    /// <summary>
    /// Starts off the grid: the box point nearest the valley, and points of the box on the lines through β*
    /// along each eigenvector — from there α = 1/λ of that direction lands on the floor in one step. On each
    /// line: its ends inside the box, and the points just outside the goal (g a hair above τ).
    /// </summary>
    private static List<(double Beta0, double Beta1)> ExtraStarts(Level level, Forecast forecast, ClosestStart closest)
    {
        var rules = level.Rules;
        var valley = level.Valley;
        var starts = new List<(double, double)> { (closest.Beta0, closest.Beta1) };
        for (var mode = 0; mode < forecast.Modes; mode++)
        {
            var (dx, dy) = forecast.Direction(mode);
            if (!Interval(valley.Beta0Star, dx, rules.Beta0, out var lo0, out var hi0)
                || !Interval(valley.Beta1Star, dy, rules.Beta1, out var lo1, out var hi1))
            {
                continue;
            }

            var lo = Math.Max(lo0, lo1);
            var hi = Math.Min(hi0, hi1);
            if (!(lo <= hi))
            {
                continue;
            }

            var edge = Math.Sqrt(2.0 * rules.Tolerance / forecast.Lambda(mode)) * (1.0 + 1e-6);
            foreach (var t in (double[])[lo, hi, -edge, edge])
            {
                if (double.IsFinite(t) && t >= lo && t <= hi)
                {
                    starts.Add((
                        rules.Beta0.IsFixed ? rules.Beta0.Value : Math.Clamp(valley.Beta0Star + (t * dx), rules.Beta0.Min, rules.Beta0.Max),
                        rules.Beta1.IsFixed ? rules.Beta1.Value : Math.Clamp(valley.Beta1Star + (t * dy), rules.Beta1.Min, rules.Beta1.Max)));
                }
            }
        }

        return starts;
    }

    /// <summary>The t with min ≤ start + t·d ≤ max for one coordinate; false when none.</summary>
    private static bool Interval(double start, double d, ParameterRule rule, out double lo, out double hi)
    {
        if (rule.IsFixed || Math.Abs(d) < 1e-12)
        {
            // The line does not move this coordinate: it must already lie in its range.
            lo = double.NegativeInfinity;
            hi = double.PositiveInfinity;
            return rule.IsFixed || rule.Allows(start);
        }

        var a = (rule.Min - start) / d;
        var b = (rule.Max - start) / d;
        (lo, hi) = a <= b ? (a, b) : (b, a);
        return true;
    }

    /// <summary>
    /// From one start, the α that reaches soonest by the forecast: the least k for which the α minimising
    /// g_k brings it within τ. Step by step for small k; beyond, a binary search over k (for large k the
    /// best α is a stable one, and with it g falls every step, so "some α reaches by k" only gets easier).
    /// </summary>
    private static (double Alpha, int Steps)? BestAlphaFrom(Forecast forecast, LevelRules rules, double b0, double b1, double tolerance, int horizon)
    {
        var weights = forecast.LogWeights(b0, b1);
        (double Alpha, bool Reaches) Probe(int k)
        {
            var alpha = forecast.BestAlphaAt(k, weights, rules.AlphaMin, rules.AlphaMax);
            return (alpha, Forecast.GapAfter(k, weights, forecast.LogRates(alpha)) <= tolerance);
        }

        var linear = Math.Min(LinearSteps, horizon);
        for (var k = 1; k <= linear; k++)
        {
            var (alpha, reaches) = Probe(k);
            if (reaches)
            {
                return (alpha, k);
            }
        }

        if (horizon <= linear || !Probe(horizon).Reaches)
        {
            return null;
        }

        int lo = linear + 1, hi = horizon;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (Probe(mid).Reaches)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return (Probe(lo).Alpha, lo);
    }

    private readonly record struct Candidate(double Alpha, double Beta0, double Beta1, int Predicted);

    /// <summary>The engine's runs of candidates, keeping the best by <see cref="Compare"/>.</summary>
    private sealed class Confirmation(Level level, CancellationToken cancellation)
    {
        public Choice? Best { get; private set; }

        public RunResult? BestRun { get; private set; }

        public int Runs { get; private set; }

        /// <summary>
        /// Runs candidates (sorted by forecast) until a forecast falls beyond the best confirmed run by more than
        /// the margin; false if <paramref name="allowance"/> steps ran out first.
        /// </summary>
        public bool RunAll(List<Candidate> candidates, long allowance)
        {
            var work = 0L;
            foreach (var c in candidates)
            {
                var limit = BestRun?.Steps ?? level.Rules.Budget;
                if (c.Predicted > (long)limit + Margin(limit))
                {
                    return true;
                }

                if (work + limit > allowance)
                {
                    return false;
                }

                if ((Runs & 63) == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                }

                var choice = new Choice(c.Alpha, c.Beta0, c.Beta1);
                Runs++;
                var watch = new StallWatch();
                RunResult run;
                try
                {
                    run = Descent.Run(level, choice, watch, limit);
                }
                catch (StallWatch.StalledException)
                {
                    // Provably never reaches (see StallWatch); no need to run it to the limit.
                    continue;
                }
                finally
                {
                    work += watch.Steps;
                }

                if (run.Outcome == Outcome.Reached && (BestRun is null || Compare(choice, run, Best!.Value, BestRun) < 0))
                {
                    Best = choice;
                    BestRun = run;
                }
            }

            return true;
        }
    }
}
