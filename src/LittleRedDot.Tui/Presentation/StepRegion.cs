namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// Where α lies against one direction's thresholds 1/λ and 2/λ (RULES.md §1), and so what one step does to the dot's
/// distance from the floor that way: it is multiplied by 1 − α·λ.
/// </summary>
public enum StepRegion
{
    /// <summary>α &lt; 1/λ: 0 &lt; 1 − α·λ &lt; 1, the dot stays on its side and comes nearer.</summary>
    Glides,

    /// <summary>α = 1/λ: 1 − α·λ = 0, one step puts the dot on the floor.</summary>
    Lands,

    /// <summary>1/λ &lt; α ≤ 2/λ: −1 ≤ 1 − α·λ &lt; 0, the dot crosses the floor and lands no farther out.</summary>
    Crosses,

    /// <summary>α &gt; 2/λ: 1 − α·λ &lt; −1, the dot crosses the floor and lands farther out than it was.</summary>
    FliesOff,
}
