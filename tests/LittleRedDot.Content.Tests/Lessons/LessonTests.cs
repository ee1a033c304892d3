using LittleRedDot.Content.Lessons;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Tests.Lessons;

/// <summary>Lessons on small levels worked by hand (the random levels are in <see cref="LessonPropertyTests"/>).</summary>
public sealed class LessonTests
{
    // x = 1…5, β0 fixed at 0, mse: λ = k·m2 = 2·(55/5) = 22; 1/λ = 0.04545…, 2/λ = 0.0909… (RULES.md §1).
    private static readonly Level Slope = new(
        new LevelRules(CostKind.Mse, ParameterRule.Fixed(0), ParameterRule.Range(-4, -1), 0.001, 0.15, 30, 0.5, 3),
        DataSet.FromPoints([(1, 2.2), (2, 3.9), (3, 6.1), (4, 8.2), (5, 9.8)]));

    // x = 0…5, both free, mse: H = 2·[[1, 2.5], [2.5, 55/6]], λmax ≈ 19.7, λmin ≈ 0.59, κ ≈ 33.
    private static readonly Level Both = new(
        new LevelRules(CostKind.Mse, ParameterRule.Range(-6, -2), ParameterRule.Range(-2, 0), 0.001, 0.12, 120, 0.5, 30),
        DataSet.FromPoints([(0, 1.1), (1, 2.9), (2, 5.2), (3, 6.8), (4, 9.1), (5, 11.0)]));

    [Theory]
    [InlineData(3.6e-155, 1.6999999983e308)] // an attacker's level: spread² subnormal, λ = 2.5e-309, 1/λ and 2/λ past double.MaxValue
    [InlineData(8.4e-155, 1e308)] // λ = 8.3e-309: 1/λ = 1.2e308, 2/λ past double.MaxValue
    public void A_curvature_too_small_for_its_thresholds_to_be_numbers_is_said_so_and_the_run_agrees(double x2, double alpha)
    {
        // Oracle: RULES.md §1 — λ = k·m2 with m2 = mean x² (β0 fixed), so λ·α < 1 for every finite α when 1/λ overflows.
        var tiny = new Level(
            new LevelRules(CostKind.Mse, ParameterRule.Fixed(0), ParameterRule.Range(-1, 1), 1e307, double.MaxValue, 200, 1e-320, 100),
            DataSet.FromPoints([(3.5e-155, 3.5e-155), (x2, 3.7e-155)]));
        var (result, lesson) = Lesson.Run(tiny, new Choice(alpha, 0, 1), workshop: false);

        Assert.NotEqual(Outcome.Diverged, result.Outcome);
        if (!double.IsFinite(tiny.Curvature.BounceAlpha))
        {
            Assert.Equal(0, result.Bounces);
            Assert.Contains("is beyond the largest number a double holds: every α the dot can be given glides", lesson.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.False(double.IsFinite(tiny.Curvature.StableAlpha));
            Assert.Contains("The stability limit 2/λ is beyond the largest number a double holds: no α the dot can be given flies off.", lesson.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_bouncing_run_says_the_factor_and_the_steps_it_bounced_on()
    {
        // 1 − 0.06·22 = −0.32: every step crosses the floor and keeps 32 % of the distance.
        var (result, lesson) = Lesson.Run(Slope, new Choice(0.06, 0, -4), workshop: false);
        Assert.Equal(Outcome.Reached, result.Outcome);
        Assert.Equal(result.Steps, result.Bounces);
        Assert.Contains($"The dot reached the valley in {result.Steps} steps (par 3), bouncing {result.Bounces} times (on every step).", lesson.Text, StringComparison.Ordinal);
        Assert.Contains("1\u00A0−\u00A0α·λ = -0.32, so each step carried the dot across the floor, to 32% of its distance on the other side", lesson.Text, StringComparison.Ordinal);
        Assert.Contains("The curvature λ = 22 says how fast", lesson.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_are_printed_below_their_values()
    {
        // 1/22 = 0.0454545… cut to 0.0454; 2/22 = 0.0909090… cut to 0.0909.
        var (_, lesson) = Lesson.Run(Slope, new Choice(0.01, 0, -4), workshop: false);
        Assert.Contains("at α = 0.0454 or less the dot never crosses the floor", lesson.Text, StringComparison.Ordinal);
        Assert.Contains("at α = 0.0909 or less the dot never flies off", lesson.Text, StringComparison.Ordinal);
        Assert.Equal(["0.0454", "0.0909"], lesson.Alphas.Select(a => a.Text));
    }

    [Fact]
    public void A_run_past_the_stability_limit_flew_off_and_each_step_landed_farther_out()
    {
        // 1 − 0.15·22 = −2.3: 2.3 times farther out each step; the gap passes 10⁶·gap_0 within the 30 steps.
        var (result, lesson) = Lesson.Run(Slope, new Choice(0.15, 0, -4), workshop: false);
        Assert.Equal(Outcome.Diverged, result.Outcome);
        Assert.Contains($"The dot flew off: by step {result.Steps} its distance from the floor had blown up", lesson.Text, StringComparison.Ordinal);
        Assert.Contains("2.3 times farther out", lesson.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_factor_next_to_a_threshold_keeps_the_digits_that_tell_its_side()
    {
        // 1 − 0.0909·22 = −0.9998 is not "−1" (there the dot would never settle); 1 − 0.0456·22 = −0.0032 is not "0".
        Assert.Contains("1\u00A0−\u00A0α·λ = -0.9998", Lesson.Run(Slope, new Choice(0.0909, 0, -4), workshop: false).Lesson.Text, StringComparison.Ordinal);
        Assert.Contains("1\u00A0−\u00A0α·λ = -0.0032", Lesson.Run(Slope, new Choice(0.0456, 0, -4), workshop: false).Lesson.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_dials_say_what_each_direction_did()
    {
        // α = 0.1: across 1 − 0.1·19.7 ≈ −0.97 (crosses every step), along 1 − 0.1·0.59 ≈ 0.94 (creeps); 120 steps run out.
        var (result, lesson) = Lesson.Run(Both, new Choice(0.1, -6, -2), workshop: false);
        var text = lesson.Text;
        Assert.Equal(Outcome.OutOfSteps, result.Outcome);
        Assert.Contains("Across the valley 1\u00A0−\u00A0α·λmax = -0.97", text, StringComparison.Ordinal);
        Assert.Contains("it crossed the floor across the valley on every one of its 120 steps", text, StringComparison.Ordinal);
        Assert.Contains("Along it 1\u00A0−\u00A0α·λmin = 0.94, so the dot crept", text, StringComparison.Ordinal);
        Assert.Contains("it never crossed the floor along the valley", text, StringComparison.Ordinal);
        Assert.Contains("more sharply curved across than along", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zig_zag_across_a_narrow_valley_that_the_bounce_counter_misses_is_explained()
    {
        // The shipped long, narrow valley at α = 0.0257748 from (−1, 0): issue 11 saw "overshot every step" beside "bounces 0".
        var level = new LevelLibrary(new System.IO.Abstractions.FileSystem(), Levels.ShippedLevels.FindRoot()).Find("dials-03-the-long-narrow-valley")!.Level;
        var (result, lesson) = Lesson.Run(level, new Choice(0.0257748, -1, 0), workshop: false);
        Assert.Equal(0, result.Bounces);
        Assert.Contains("without a single bounce", lesson.Text, StringComparison.Ordinal);
        Assert.Contains($"it crossed the floor across the valley on every one of its {result.Steps} steps", lesson.Text, StringComparison.Ordinal);
        Assert.Contains("The bounce counter shows 0: it counts steps that land past the lowest point itself", lesson.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workshop_lesson_names_no_curvature_threshold_or_best_alpha()
    {
        var (_, lesson) = Lesson.Run(Both, new Choice(0.01, -6, -2), workshop: true);
        Assert.DoesNotContain("λ", lesson.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("κ", lesson.Text, StringComparison.Ordinal);
        Assert.Empty(lesson.Alphas);
        Assert.Contains("Across the valley, ", lesson.Text, StringComparison.Ordinal);
    }
}
