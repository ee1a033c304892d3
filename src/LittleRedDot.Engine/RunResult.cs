namespace LittleRedDot.Engine;

/// <summary>What the engine decides about a run (RULES.md §3–4).</summary>
public sealed record RunResult(
    Outcome Outcome,
    int Steps,
    int Bounces,
    double FinalBeta0,
    double FinalBeta1,
    double FinalCost,
    double Gap,
    long Score,
    int Stars);
