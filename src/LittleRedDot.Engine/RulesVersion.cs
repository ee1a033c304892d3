namespace LittleRedDot.Engine;

/// <summary>The version of RULES.md this engine implements; bumped whenever §1–5, the hash or the digest change.</summary>
public static class RulesVersion
{
    public const int Current = 1;
}
