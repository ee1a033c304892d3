using LittleRedDot.Engine;

namespace LittleRedDot.Engine.Tests.Solver;

public class ClosestStartTests
{
    [Fact]
    public void Inside_the_box_the_closest_start_is_the_valley_floor()
    {
        // Hand-derived: β* lies in the box, so the minimum gap is exactly 0, at β*.
        var level = SolverTests.Make(SolverTests.Round, CostKind.Mse, ParameterRule.Range(-5, 5), ParameterRule.Range(-5, 5), 0.01, 0.5, 10, 0.1);
        var closest = Engine.Solver.FindClosestStart(level);
        Assert.Equal(level.Valley.Beta0Star, closest.Beta0);
        Assert.Equal(level.Valley.Beta1Star, closest.Beta1);
        Assert.Equal(0.0, closest.Gap);
    }

    [Fact]
    public void With_x_centred_the_edges_clamp_each_dial_on_its_own()
    {
        // Closed form: x = −2…2 symmetric, so x̄ = 0, H is diagonal, g = ½k·(e0² + v·e1²), and the nearest start
        // clamps each dial separately. Here β* = (1.1, 0.5) and the box [2, 3] × [−1, 0]: the corner (2, 0).
        (double, double)[] points = [(-2, 0.1), (-1, 0.6), (0, 1.1), (1, 1.6), (2, 2.1)];
        var level = SolverTests.Make(points, CostKind.Mse, ParameterRule.Range(2, 3), ParameterRule.Range(-1, 0), 0.01, 0.5, 10, 0.1);
        Assert.Equal(1.1, level.Valley.Beta0Star, 1e-12);
        Assert.Equal(0.5, level.Valley.Beta1Star, 1e-12);
        var closest = Engine.Solver.FindClosestStart(level);
        Assert.Equal(2.0, closest.Beta0);
        Assert.Equal(0.0, closest.Beta1);

        // g = (0.9)² + v·(0.5)², v = mean of x² = 2 (k = 2, h = 1); to 1e-12 (the floor is computed, not exact).
        Assert.Equal((0.9 * 0.9) + (2 * 0.25), closest.Gap, 1e-12);
    }

    [Fact]
    public void On_an_edge_the_vertex_of_the_edge_parabola_wins()
    {
        // Closed form: on the edge β0 = c the gap is least at e1 = −x̄·e0 / (v + x̄²). Narrow data (x̄ = 6,
        // v = 5/3): the box β0 ∈ [−3, −1] lies left of β0* ≈ 2.18 and β1 ∈ [0, 1] is wide enough to hold the vertex.
        var level = SolverTests.Make(SolverTests.Narrow, CostKind.Mse, ParameterRule.Range(-3, -1), ParameterRule.Range(0, 1), 0.001, 0.05, 10, 0.01);
        var v = level.Valley;
        var closest = Engine.Solver.FindClosestStart(level);
        Assert.Equal(-1.0, closest.Beta0);
        var e0 = -1.0 - v.Beta0Star;
        var expected = v.Beta1Star - (v.XBar * e0 / (v.V + (v.XBar * v.XBar)));
        Assert.Equal(expected, closest.Beta1, 1e-12);
        Assert.True(closest.Beta1 > 0 && closest.Beta1 < 1);
    }

    [Fact]
    public void One_free_dial_clamps_the_floor_into_its_range()
    {
        // Hand-derived: β0 fixed; the gap h·m2·e1² is least at the end of the range nearest β1* ≈ 0.94.
        var level = SolverTests.Make(SolverTests.Article, CostKind.Mse, ParameterRule.Fixed(0), ParameterRule.Range(-10, -4), 0.001, 0.3, 60, 0.5);
        var closest = Engine.Solver.FindClosestStart(level);
        Assert.Equal(0.0, closest.Beta0);
        Assert.Equal(-4.0, closest.Beta1);
        Assert.Equal(level.Valley.Gap(0, -4), closest.Gap);
    }

    public static TheoryData<string, Level> Boxes() => new()
    {
        { "narrow, left", SolverTests.Make(SolverTests.Narrow, CostKind.Mse, ParameterRule.Range(-3, -1), ParameterRule.Range(0, 1), 0.001, 0.05, 10, 0.01) },
        { "narrow, above", SolverTests.Make(SolverTests.Narrow, CostKind.Mse, ParameterRule.Range(-1, 8), ParameterRule.Range(1, 2), 0.001, 0.05, 10, 0.01) },
        { "tilted, corner", SolverTests.Make(SolverTests.Tilted, CostKind.HalfMse, ParameterRule.Range(-3, -1), ParameterRule.Range(1, 3), 0.001, 0.5, 10, 0.05) },
        { "round, below", SolverTests.Make(SolverTests.Round, CostKind.Mse, ParameterRule.Range(-4, 6), ParameterRule.Range(-3, -2), 0.01, 0.6, 10, 0.1) },
        { "a segment", SolverTests.Make(SolverTests.Tilted, CostKind.Mse, ParameterRule.Range(2, 2), ParameterRule.Range(-4, 4), 0.01, 0.6, 10, 0.1) },
    };

    [Theory]
    [MemberData(nameof(Boxes))]
    public void The_closest_start_is_below_every_dense_sample_and_in_the_box(string name, Level level)
    {
        // Oracle: the engine's gap on a 401 × 401 grid over the box. The exact minimum can be no higher than any
        // sample (tolerance 1e-12 relative, for rounding of the computed vertex), and the dense grid comes within
        // the grid's resolution of it (a sample's gap exceeds the minimum by a second-order amount).
        var r = level.Rules;
        var closest = Engine.Solver.FindClosestStart(level);
        Assert.True(r.Beta0.Allows(closest.Beta0) && r.Beta1.Allows(closest.Beta1), name);
        Assert.Equal(level.Valley.Gap(closest.Beta0, closest.Beta1), closest.Gap);
        var lowest = double.PositiveInfinity;
        const int samples = 400;
        for (var i = 0; i <= samples; i++)
        {
            for (var j = 0; j <= samples; j++)
            {
                var b0 = r.Beta0.Min + ((r.Beta0.Max - r.Beta0.Min) * i / samples);
                var b1 = r.Beta1.Min + ((r.Beta1.Max - r.Beta1.Min) * j / samples);
                var gap = level.Valley.Gap(b0, b1);
                Assert.True(gap >= closest.Gap * (1 - 1e-12), $"{name}: sample ({b0}, {b1}) has gap {gap} < {closest.Gap}");
                lowest = Math.Min(lowest, gap);
            }
        }

        Assert.True(lowest - closest.Gap <= (1e-3 * closest.Gap) + 1e-9, $"{name}: dense minimum {lowest} vs exact {closest.Gap}");
    }
}
