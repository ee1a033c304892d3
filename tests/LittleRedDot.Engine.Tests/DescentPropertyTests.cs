using CsCheck;
using LittleRedDot.Engine.Tests.Oracles;

namespace LittleRedDot.Engine.Tests;

/// <summary>
/// Properties of a run (RULES.md §1, §3, §5) over varied data, costs, free parameters, α and starts.
/// The α thresholds come from the closed-form eigenvalues (<see cref="ClosedForm.Eigenvalues"/>), not from
/// the engine's own <see cref="Curvature"/>.
/// </summary>
public sealed class DescentPropertyTests
{
    private static Gen<CostKind> Costs => Gen.OneOf(CostKind.Mse, CostKind.HalfMse);

    [Fact]
    public void Below_two_over_lambda_max_a_run_never_diverges_and_the_gap_never_grows()
    {
        // Exact arithmetic: e ← (I − αH)e shrinks every eigen-component when 0 < αλ < 2, so the gap ½eᵀHe
        // never grows. Round-off allowance: 1e-9·gap_0 per step (e is rounded to eps·|β| each step).
        Gen.Select(Generators.Data(), Generators.Freedoms, Costs, Gen.Double[0.01, 0.99], Starts.Offset, Starts.Offset).Holds(
            (data, freedom, cost, fraction, d0, d1) =>
            {
                var (r0, r1) = Generators.Rules(freedom, 0.5);
                var (_, lambdaMax) = ClosedForm.Eigenvalues(data.X, cost, r0.IsFree, r1.IsFree);
                var level = TestLevels.Make(data.X, data.Y, cost, r0, r1, budget: 400, tolerance: 1e-300);
                var (b0, b1) = Starts.Around(level.Valley, r0, r1, d0, d1);
                var recorder = new TestLevels.Recorder();

                var result = Descent.Run(level, new Choice(fraction * 2 / lambdaMax, b0, b1), recorder);

                Assert.NotEqual(Outcome.Diverged, result.Outcome);
                var gap0 = recorder.States[0].Gap;
                for (var k = 1; k < recorder.States.Count; k++)
                {
                    Assert.True(
                        recorder.States[k].Gap <= recorder.States[k - 1].Gap + (1e-9 * gap0),
                        $"step {k}: gap {recorder.States[k].Gap:R} > previous {recorder.States[k - 1].Gap:R}");
                }
            },
            iter: 150,
            seed: 1003);
    }

    [Fact]
    public void Well_above_two_over_lambda_max_a_run_diverges()
    {
        // αλmax ≥ 3 makes |1 − αλmax| ≥ 2: the gap's stiff component grows 4× a step and passes 10⁶·gap_0.
        Gen.Select(Generators.Data(), Generators.Freedoms, Costs, Gen.Double[1.5, 4], Starts.Offset, Starts.Offset).Holds(
            (data, freedom, cost, factor, d0, d1) =>
            {
                var (r0, r1) = Generators.Rules(freedom, 0.5);
                var (_, lambdaMax) = ClosedForm.Eigenvalues(data.X, cost, r0.IsFree, r1.IsFree);
                var level = TestLevels.Make(data.X, data.Y, cost, r0, r1, budget: 10_000, tolerance: 1e-300);
                var (b0, b1) = Starts.Around(level.Valley, r0, r1, d0, d1);

                var result = Descent.Run(level, new Choice(factor * 2 / lambdaMax, b0, b1));

                Assert.Equal(Outcome.Diverged, result.Outcome);
                Assert.Equal(0, result.Score);
                Assert.Equal(0, result.Stars);
            },
            iter: 150,
            seed: 1004);
    }

    [Fact]
    public void Mse_and_half_mse_share_the_valley()
    {
        // Same β* bit for bit (the same statistics), and J*_half = ½·J*_mse exactly: (0.5·S)/N is (S/N)/2
        // because halving a double is exact.
        Gen.Select(Generators.Data(), Generators.Freedoms, Gen.Double[-3, 3]).Holds(
            (data, freedom, fixedValue) =>
            {
                var (r0, r1) = Generators.Rules(freedom, fixedValue);
                var mse = TestLevels.Make(data.X, data.Y, CostKind.Mse, r0, r1).Valley;
                var half = TestLevels.Make(data.X, data.Y, CostKind.HalfMse, r0, r1).Valley;
                Assert.Equal(BitConverter.DoubleToInt64Bits(mse.Beta0Star), BitConverter.DoubleToInt64Bits(half.Beta0Star));
                Assert.Equal(BitConverter.DoubleToInt64Bits(mse.Beta1Star), BitConverter.DoubleToInt64Bits(half.Beta1Star));
                Assert.Equal(BitConverter.DoubleToInt64Bits(mse.MinimumCost * 0.5), BitConverter.DoubleToInt64Bits(half.MinimumCost));
            },
            iter: 200,
            seed: 1005);
    }

    [Fact]
    public void Half_mse_at_twice_alpha_retraces_mse_at_alpha_bit_for_bit()
    {
        // The mse gradient is 2·X where half-mse's is X (k = 2 vs 1), so α·(2·X) and (2α)·X round the same
        // exact product: every β_k is the same double. The gap carries h = 1 vs ½, so J and the gap halve
        // exactly; with τ halved too, outcome, steps and bounces agree.
        Gen.Select(Generators.Data(), Generators.Freedoms, Gen.Double[0.02, 3], Starts.Offset, Starts.Offset).Holds(
            (data, freedom, fraction, d0, d1) =>
            {
                var (r0, r1) = Generators.Rules(freedom, 0.5);
                var (_, lambdaMax) = ClosedForm.Eigenvalues(data.X, CostKind.Mse, r0.IsFree, r1.IsFree);
                var alpha = fraction * 2 / lambdaMax;
                var mseLevel = TestLevels.Make(data.X, data.Y, CostKind.Mse, r0, r1, budget: 300, tolerance: 1e-6);
                var halfLevel = TestLevels.Make(data.X, data.Y, CostKind.HalfMse, r0, r1, budget: 300, tolerance: 0.5e-6);
                var (b0, b1) = Starts.Around(mseLevel.Valley, r0, r1, d0, d1);
                var mse = new TestLevels.Recorder();
                var half = new TestLevels.Recorder();

                var a = Descent.Run(mseLevel, new Choice(alpha, b0, b1), mse);
                var b = Descent.Run(halfLevel, new Choice(2 * alpha, b0, b1), half);

                Assert.Equal(mse.States.Count, half.States.Count);
                for (var k = 0; k < mse.States.Count; k++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(mse.States[k].Beta0), BitConverter.DoubleToInt64Bits(half.States[k].Beta0));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(mse.States[k].Beta1), BitConverter.DoubleToInt64Bits(half.States[k].Beta1));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(mse.States[k].Cost * 0.5), BitConverter.DoubleToInt64Bits(half.States[k].Cost));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(mse.States[k].Gap * 0.5), BitConverter.DoubleToInt64Bits(half.States[k].Gap));
                }

                Assert.Equal((a.Outcome, a.Steps, a.Bounces, a.Score, a.Stars), (b.Outcome, b.Steps, b.Bounces, b.Score, b.Stars));
            },
            iter: 150,
            seed: 1006);
    }

    [Fact]
    public void The_gradient_matches_central_differences_of_the_per_point_cost()
    {
        // J is quadratic, so (J(β + h) − J(β − h)) / 2h is its derivative exactly in real arithmetic; in doubles
        // each per-point J rounds to about eps·(J + its term scale), which the difference divides by 2h.
        // Tolerance: 1e-7 of (|g| + the gradient's term scale) plus 1e-13·(that rounding size at β ± h)/h.
        Gen.Select(Generators.Data(), Generators.Freedoms, Costs, Gen.Double[-1, 1], Gen.Double[-1, 1]).Holds(
            (data, freedom, cost, d0, d1) =>
            {
                var (r0, r1) = Generators.Rules(freedom, 0.5);
                var valley = TestLevels.Make(data.X, data.Y, cost, r0, r1).Valley;
                var (b0, b1) = Starts.Around(valley, r0, r1, d0, d1);
                var (g0, g1) = valley.Gradient(b0, b1);
                var scale = PerPoint.TermScale(data.X, data.Y, b0, b1);
                if (r0.IsFree)
                {
                    var h = 1e-3 * (1 + Math.Abs(b0));
                    var fd = CentralDifference(data, cost, (b0 + h, b1), (b0 - h, b1), h, out var rounding);
                    Assert.True(Math.Abs(fd - g0) <= (1e-7 * (Math.Abs(g0) + scale.G0)) + (1e-13 * rounding / h), $"∂J/∂β0 {g0:R} vs central difference {fd:R}");
                }

                if (r1.IsFree)
                {
                    var h = 1e-3 * (1 + Math.Abs(b1));
                    var fd = CentralDifference(data, cost, (b0, b1 + h), (b0, b1 - h), h, out var rounding);
                    Assert.True(Math.Abs(fd - g1) <= (1e-7 * (Math.Abs(g1) + scale.G1)) + (1e-13 * rounding / h), $"∂J/∂β1 {g1:R} vs central difference {fd:R}");
                }
            },
            iter: 200,
            seed: 1007);

        static double CentralDifference(Generators.Points data, CostKind cost, (double B0, double B1) plus, (double B0, double B1) minus, double h, out double rounding)
        {
            var jPlus = PerPoint.Cost(data.X, data.Y, cost, plus.B0, plus.B1);
            var jMinus = PerPoint.Cost(data.X, data.Y, cost, minus.B0, minus.B1);
            rounding = jPlus + jMinus + PerPoint.TermScale(data.X, data.Y, plus.B0, plus.B1).Cost + PerPoint.TermScale(data.X, data.Y, minus.B0, minus.B1).Cost;
            return (jPlus - jMinus) / (2 * h);
        }
    }

    [Fact]
    public void Descent_converges_to_the_closed_form_valley()
    {
        // At α = 2/(λmin + λmax) (closed form) every component shrinks by at least (κ − 1)/(κ + 1) a step.
        // Reaching gap ≤ τ means ½·λmin·|β − β*|² ≤ τ, so |β − β*| ≤ √(2τ/λmin); β* from MathNet
        // (Fit.Line etc.), with its own 1e-9 relative allowance.
        Gen.Select(Generators.Tame(), Generators.Freedoms, Costs, Starts.Offset, Starts.Offset).Holds(
            (data, freedom, cost, d0, d1) =>
            {
                var (r0, r1) = Generators.Rules(freedom, 0.5);
                var (lambdaMin, lambdaMax) = ClosedForm.Eigenvalues(data.X, cost, r0.IsFree, r1.IsFree);
                const double tau = 1e-16;
                var level = TestLevels.Make(data.X, data.Y, cost, r0, r1, budget: 100_000, tolerance: tau);
                var (b0, b1) = Starts.Around(level.Valley, r0, r1, d0, d1);

                var result = Descent.Run(level, new Choice(2 / (lambdaMin + lambdaMax), b0, b1));

                Assert.Equal(Outcome.Reached, result.Outcome);
                var (s0, s1) = ClosedForm.Valley(data.X, data.Y, r0, r1);
                var reach = Math.Sqrt(2 * tau / lambdaMin);
                Assert.True(Math.Abs(result.FinalBeta0 - s0) <= reach + (1e-9 * (1 + Math.Abs(s0))), $"β0 {result.FinalBeta0:R} vs {s0:R}");
                Assert.True(Math.Abs(result.FinalBeta1 - s1) <= reach + (1e-9 * (1 + Math.Abs(s1))), $"β1 {result.FinalBeta1:R} vs {s1:R}");
            },
            iter: 100,
            seed: 1008);
    }

    [Fact]
    public void Bounces_are_the_steps_that_cross_the_valley_floor()
    {
        // §3: a bounce at step k when (β_k − β*)·(β_{k−1} − β*) < 0 over the free parameters; recounted here
        // from the observed states with the valley's β* (exact by construction of the definition).
        Gen.Select(Generators.Data(farOffsets: false), Generators.Freedoms, Costs, Gen.Double[0.05, 2.5], Starts.Offset, Starts.Offset).Holds(
            (data, freedom, cost, fraction, d0, d1) =>
            {
                var (r0, r1) = Generators.Rules(freedom, 0.5);
                var (_, lambdaMax) = ClosedForm.Eigenvalues(data.X, cost, r0.IsFree, r1.IsFree);
                var level = TestLevels.Make(data.X, data.Y, cost, r0, r1, budget: 300, tolerance: 1e-9);
                var (b0, b1) = Starts.Around(level.Valley, r0, r1, d0, d1);
                var recorder = new TestLevels.Recorder();

                var result = Descent.Run(level, new Choice(fraction * 2 / lambdaMax, b0, b1), recorder);

                var v = level.Valley;
                var count = 0;
                for (var k = 1; k < recorder.States.Count; k++)
                {
                    var dot = 0.0;
                    if (r0.IsFree)
                    {
                        dot += (recorder.States[k].Beta0 - v.Beta0Star) * (recorder.States[k - 1].Beta0 - v.Beta0Star);
                    }

                    if (r1.IsFree)
                    {
                        dot += (recorder.States[k].Beta1 - v.Beta1Star) * (recorder.States[k - 1].Beta1 - v.Beta1Star);
                    }

                    count += dot < 0 ? 1 : 0;
                }

                Assert.Equal(count, result.Bounces);
                Assert.Equal(result.Steps + 1, recorder.States.Count);
            },
            iter: 150,
            seed: 1009);
    }

    [Theory]
    // One free parameter, half-mse (k = 1, λ = 1), data y = x + 1 with β1 fixed at 1, so β0* = 1 and J* = 0 exactly.
    // Start β0 = 9: e_0 = 8 and each step e ← (1 − α)e, exact in binary for these α. gap = ½e², τ = 1e-6.
    // α = 1.5: e_k = 8·(−½)^k, every step crosses; ½·64·4^−k ≤ 1e-6 first at k = 13 → reached, 13 steps, 13 bounces.
    // α = 0.5: e_k = 8·(½)^k, never crosses → reached, 13 steps, 0 bounces.
    // α = 1:   e_1 = 0 → reached in 1 step, 0 bounces (a product of 0 is not < 0).
    // α = 2:   e_k = 8·(−1)^k, the gap never shrinks → out-of-steps at the budget (50), 50 bounces.
    // α = 2.5: e_k = 8·(−1.5)^k, gap ×2.25 a step; 2.25^k > 10⁶ first at k = 18 → diverged, 18 steps, 18 bounces.
    [InlineData(1.5, Outcome.Reached, 13, 13)]
    [InlineData(0.5, Outcome.Reached, 13, 0)]
    [InlineData(1.0, Outcome.Reached, 1, 0)]
    [InlineData(2.0, Outcome.OutOfSteps, 50, 50)]
    [InlineData(2.5, Outcome.Diverged, 18, 18)]
    public void A_hand_worked_one_dimensional_run(double alpha, Outcome outcome, int steps, int bounces)
    {
        var level = TestLevels.Make([1, 2, 3], [2, 3, 4], CostKind.HalfMse, beta1: ParameterRule.Fixed(1), budget: 50, tolerance: 1e-6);
        Assert.Equal(1.0, level.Valley.Beta0Star);
        Assert.Equal(0.0, level.Valley.MinimumCost);

        var result = Descent.Run(level, new Choice(alpha, 9, 1));

        Assert.Equal((outcome, steps, bounces), (result.Outcome, result.Steps, result.Bounces));
    }

    [Fact]
    public void The_engine_reproduces_an_independent_transcription_of_section_5_bit_for_bit()
    {
        // §5: "Another implementation that follows this section reproduces every digest bit for bit."
        // Oracle: Oracles/Section5, written from the page. Every state, outcome, step count and bounce count must match exactly.
        Gen.Select(Generators.Data(), Generators.Freedoms, Costs, Gen.Double[0.05, 3], Starts.Offset, Starts.Offset, Gen.Double[-2, 2]).Holds(
            (data, freedom, cost, fraction, d0, d1, fixedValue) =>
            {
                var (r0, r1) = Generators.Rules(freedom, fixedValue);
                var (_, lambdaMax) = ClosedForm.Eigenvalues(data.X, cost, r0.IsFree, r1.IsFree);
                var level = TestLevels.Make(data.X, data.Y, cost, r0, r1, budget: 200, tolerance: 1e-6);
                var (b0, b1) = Starts.Around(level.Valley, r0, r1, d0, d1);
                var alpha = fraction * 2 / lambdaMax;
                if (level.CheckChoice(new Choice(alpha, b0, b1)) is not null)
                {
                    return; // a start already in the goal is refused (§2); nothing to compare
                }

                var recorder = new TestLevels.Recorder();
                var result = Descent.Run(level, new Choice(alpha, b0, b1), recorder);
                var reference = Section5.Play(data.X, data.Y, cost, r0, r1, alpha, b0, b1, 200, 1e-6);

                Assert.Equal((reference.Outcome, reference.Steps, reference.Bounces), (result.Outcome, result.Steps, result.Bounces));
                Assert.Equal(reference.States.Count, recorder.States.Count);
                for (var k = 0; k < reference.States.Count; k++)
                {
                    var (rb0, rb1, rj) = reference.States[k];
                    var s = recorder.States[k];
                    Assert.Equal(BitConverter.DoubleToInt64Bits(rb0), BitConverter.DoubleToInt64Bits(s.Beta0));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(rb1), BitConverter.DoubleToInt64Bits(s.Beta1));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(rj), BitConverter.DoubleToInt64Bits(s.Cost));
                }
            },
            iter: 150,
            seed: 1010);
    }
}
