namespace LittleRedDot.Tui.Views;

/// <summary>What F1 shows: the keys, and the rules in short (RULES.md §1–4).</summary>
public static class HelpText
{
    public const string Title = "Keys and rules";

    public static string Text(bool unicode)
    {
        var enter = unicode ? "⏎ Enter" : "Enter";
        var arrows = unicode ? "←→↑↓" : "arrow keys";
        return string.Join("\n", new[]
        {
            "THE GAME",
            "The data are points (x, y). The line ŷ = β0 + β1·x fits them well when the cost J — the mean of the squared misses r = ŷ − y — is low. Every (β0, β1) has a cost: together they make a valley, and the best line sits on its floor.",
            "The little red dot is your line. Each step it looks at the slope of the valley where it stands (the gradient ∂J/∂β) and moves downhill by α times that slope: β ← β − α·∂J/∂β, for every free parameter at once.",
            "Small α: tiny careful steps, slow. Large α: the dot overshoots the floor and bounces from side to side. Too large: every bounce is bigger than the last and the dot flies off (diverged).",
            "You reach the valley when J is within the goal τ of the lowest cost. Score: 10000·(budget − steps + 1)/budget. Stars: 3 at or under par, 2 within twice par, 1 otherwise; 0 stars if the goal is not reached.",
            string.Empty,
            "ON A LEVEL (one key a line: the key, a dash, what it does)",
            $"{enter} — launch the run (after it: try again from the same choice)",
            "+ / - — α up or down a notch on a log scale (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 ×10ⁿ)",
            $"{arrows} — move the start (on the map: ←→ β0, ↑↓ β1; Shift moves 5 notches); a click on the valley puts it there",
            "A — type α",
            "B — type the start (Tab: the next value; Esc: cancel)",
            "While it runs — Space pause/resume; S one step; End skip to the end; < > slower/faster",
            "T — the story (it opens by itself only before your first launch on a level)",
            "H — a hint",
            "L — the Learn panel: page 1, the formulas with this step's numbers; L again, page 2, a picture of why α glides, crosses the floor or flies off on this level; L once more closes it",
            "PgUp / PgDn — scroll the Learn panel, or the outcome when its lesson runs past the panel",
            "G — the ghost (your best run, drawn faintly) on/off",
            "O — open a run file as the ghost: anyone's run on this level, checked like a replay",
            "N — (after a run) the next level",
            "Esc — back to the level list",
            "P — predict first: before you launch, say what the dot will do; after the run the outcome panel says whether you were right and why, with this run's numbers, and the level list keeps your score. With one dial P names the whole run: glides in (reaches the floor without crossing it), bounces in (crosses it, then settles), runs out of steps, or flies off. With two dials the valley has two directions, each with its curvature λ, and each step multiplies the distance from the floor that way by 1\u00A0−\u00A0α·λ: P guesses across the valley (the steep way, λmax) and V along it (the shallow way, λmin) — glides in (the factor is 0 or more), crosses the floor each step (between −1 and 0), or flies off (below −1). The first pack asks for a guess before each launch.",
            string.Empty,
            "EVERYWHERE",
            "F1 — this help",
            "Ctrl+Q — quit",
            "Ctrl+C — quit at once (anywhere, while typing too)",
            $"On the level list: ↑↓ a level, ←→ a pack, {enter} play, P your name, R the room or runs folder, B the pack's leaderboard, Esc quit.",
        });
    }
}
