using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>The words files and JSON use for an <see cref="Outcome"/>.</summary>
public static class OutcomeNames
{
    public static string Name(Outcome outcome) => outcome switch
    {
        Outcome.Reached => "reached",
        Outcome.Diverged => "diverged",
        _ => "out-of-steps",
    };

    public static Outcome? Parse(string text) => text switch
    {
        "reached" => Outcome.Reached,
        "diverged" => Outcome.Diverged,
        "out-of-steps" => Outcome.OutOfSteps,
        _ => null,
    };
}
