using LittleRedDot.Engine.Tests.Oracles;

namespace LittleRedDot.Engine.Tests;

/// <summary>
/// Data that cannot make a valley is an error that says why (RULES.md §6 limits). Oracle: the rule
/// itself — with every x equal a line's slope is undetermined (Sxx = 0); with β0 fixed and every x = 0,
/// β1 multiplies nothing (Σx² = 0).
/// </summary>
public sealed class DegenerateDataTests
{
    [Fact]
    public void All_x_equal_with_both_free_is_refused_and_says_why()
    {
        var e = Assert.Throws<DegenerateDataException>(() => TestLevels.Make([3, 3, 3], [1, 2, 3]));
        Assert.Contains("Every x is the same", e.Message, StringComparison.Ordinal);
        Assert.Contains("fix one parameter", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_x_equal_far_from_the_origin_is_still_refused()
    {
        // 2000.1 three times: Sxx is exactly 0 in any arithmetic (all deviations are equal).
        Assert.Throws<DegenerateDataException>(() => TestLevels.Make([2000.1, 2000.1, 2000.1], [1e5, 2e5, 3e5]));
    }

    [Fact]
    public void Every_x_zero_with_beta0_fixed_is_refused_and_says_why()
    {
        var e = Assert.Throws<DegenerateDataException>(() => TestLevels.Make([0, 0, 0], [1, 2, 3], beta0: ParameterRule.Fixed(1)));
        Assert.Contains("Every x is 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("β0 fixed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tiny_x_whose_squares_underflow_is_refused_for_that_not_as_every_x_zero()
    {
        // Oracle: IEEE-754 — (1e-170)² = 1e-340 is below the smallest subnormal (about 4.9e-324), so it rounds to 0.
        Assert.Equal(0.0, 1e-170 * 1e-170);
        var e = Assert.Throws<DegenerateDataException>(() => TestLevels.Make([1e-170, 2e-170, 3e-170], [1, 2, 3], beta0: ParameterRule.Fixed(0)));
        Assert.Contains("underflow", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Every x is 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_x_is_fine_when_one_parameter_is_fixed()
    {
        // β0 fixed at 0, x = 2, 2, y = 2, 6: β1* = Σxy/Σx² = (4 + 12)/8 = 2 by hand.
        Assert.Equal(2.0, TestLevels.Make([2, 2], [2, 6], beta0: ParameterRule.Fixed(0)).Valley.Beta1Star);

        // β1 fixed at 1, x = 0, 0, y = 1, 3: β0* = mean(y − x) = 2 by hand (every x = 0 is fine here).
        Assert.Equal(2.0, TestLevels.Make([0, 0], [1, 3], beta1: ParameterRule.Fixed(1)).Valley.Beta0Star);
    }

    [Fact]
    public void Fewer_than_two_points_are_refused()
    {
        var e = Assert.Throws<DegenerateDataException>(() => new DataSet([1], [2]));
        Assert.Contains("from 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_point_is_refused_naming_it()
    {
        var e = Assert.Throws<DegenerateDataException>(() => new DataSet([1, double.NaN, 3], [1, 2, 3]));
        Assert.Contains("Point 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statistics_that_overflow_are_refused_with_a_hint_to_scale()
    {
        // Σx² of 1e200 overflows a double (1e400 > 1.8e308).
        var e = Assert.Throws<DegenerateDataException>(() => TestLevels.Make([1e200, -1e200, 5e199], [1, 2, 3]));
        Assert.Contains("too large", e.Message, StringComparison.Ordinal);
    }
}
