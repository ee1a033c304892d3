using LittleRedDot.Engine;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// What one step of learning rate α does along one direction of the valley's curvature (RULES.md §1, the Learn panel's
/// picture): the dot's signed distance from the floor that way before the step and after it, (1 − α·λ) times as much.
/// With one free parameter the direction is that parameter's axis; with two, the steepest (λmax, across the valley) and
/// the gentlest (λmin, along it), as <see cref="Curvature.SteepDirection"/> gives them.
/// </summary>
/// <param name="Name">"across the valley", "along the valley", or the free parameter's name.</param>
/// <param name="Symbol">"λmax", "λmin" or "λ".</param>
/// <param name="Lambda">The curvature this way (J's second derivative along the unit direction).</param>
/// <param name="Unit">The unit direction in (β0, β1).</param>
/// <param name="Before">The signed distance from the floor this way before the step.</param>
/// <param name="Alpha">The learning rate.</param>
public sealed record DirectionStep(string Name, string Symbol, double Lambda, (double Beta0, double Beta1) Unit, double Before, double Alpha)
{
    /// <summary>1 − α·λ (<see cref="Curvature.StepFactor"/>).</summary>
    public double Factor => Curvature.StepFactor(Alpha, Lambda);

    /// <summary>The signed distance after the step: (1 − α·λ) · <see cref="Before"/>, exact for J quadratic.</summary>
    public double After => Factor * Before;

    /// <summary>1/λ: from here on the dot crosses the floor this way.</summary>
    public double BounceAlpha => 1.0 / Lambda;

    /// <summary>2/λ: past here it flies off this way.</summary>
    public double StableAlpha => 2.0 / Lambda;

    /// <summary>Where α lies against 1/λ and 2/λ.</summary>
    public StepRegion Region => Alpha < BounceAlpha ? StepRegion.Glides
        : Alpha == BounceAlpha ? StepRegion.Lands
        : Alpha <= StableAlpha ? StepRegion.Crosses
        : StepRegion.FliesOff;

    /// <summary>One step from (β0, β1) at <paramref name="alpha"/> along each direction of the level's curvature, steepest first.</summary>
    public static IReadOnlyList<DirectionStep> For(Level level, double alpha, double beta0, double beta1)
    {
        ArgumentNullException.ThrowIfNull(level);
        var valley = level.Valley;
        var c = level.Curvature;
        var e0 = valley.IsBeta0Free ? beta0 - valley.Beta0Star : 0.0;
        var e1 = valley.IsBeta1Free ? beta1 - valley.Beta1Star : 0.0;
        if (!(valley.IsBeta0Free && valley.IsBeta1Free))
        {
            var name = valley.IsBeta1Free ? "β1" : "β0";
            return [new DirectionStep(name, "λ", c.LambdaMax, c.SteepDirection, valley.IsBeta1Free ? e1 : e0, alpha)];
        }

        var (q0, q1) = c.SteepDirection;
        return
        [
            new DirectionStep("across the valley", "λmax", c.LambdaMax, (q0, q1), (q0 * e0) + (q1 * e1), alpha),
            new DirectionStep("along the valley", "λmin", c.LambdaMin, (-q1, q0), (-q1 * e0) + (q0 * e1), alpha),
        ];
    }
}
