using LittleRedDot.Engine;

namespace LittleRedDot.Content.Authoring;

/// <summary>A level the designer proposes: the rules and the data transform, before it is written and checked.</summary>
public sealed record LevelDraft(LevelRules Rules, double XShift, double XScale, double YShift, double YScale);
