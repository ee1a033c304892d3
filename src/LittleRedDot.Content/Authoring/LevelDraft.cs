using LittleRedDot.Engine;

namespace LittleRedDot.Content.Authoring;

/// <summary>
/// A level the designer proposes: the rules, the data transforms, and the reader's choice that set par (null when
/// none reaches and par came from the solver) — before it is written and checked.
/// </summary>
public sealed record LevelDraft(LevelRules Rules, Transform X, Transform Y, ReadableChoice? ParChoice)
{
    public double XShift => X.Shift;

    public double XScale => X.Scale;

    public double YShift => Y.Shift;

    public double YScale => Y.Scale;
}
