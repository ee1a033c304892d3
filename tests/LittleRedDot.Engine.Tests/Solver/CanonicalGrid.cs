using LittleRedDot.Engine;

namespace LittleRedDot.Engine.Tests.Solver;

/// <summary>
/// The brute-force oracle of RULES.md §3: every choice of the canonical grid (60 log-spaced α × 11 values per
/// free start range) run in full by the engine. Only for small budgets — exactly what the solver must avoid.
/// </summary>
internal static class CanonicalGrid
{
    public static (Choice Choice, RunResult Run)? Best(Level level)
    {
        (Choice Choice, RunResult Run)? best = null;
        foreach (var alpha in Engine.Solver.GridAlphas(level.Rules))
        {
            foreach (var b0 in Engine.Solver.GridStarts(level.Rules.Beta0))
            {
                foreach (var b1 in Engine.Solver.GridStarts(level.Rules.Beta1))
                {
                    var choice = new Choice(alpha, b0, b1);
                    if (level.CheckChoice(choice) is not null)
                    {
                        continue;
                    }

                    var run = Descent.Run(level, choice);
                    if (run.Outcome == Outcome.Reached && (best is null || Engine.Solver.Compare(choice, run, best.Value.Choice, best.Value.Run) < 0))
                    {
                        best = (choice, run);
                    }
                }
            }
        }

        return best;
    }
}
