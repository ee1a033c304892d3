namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// The dot after <see cref="Step"/> steps, with the counters so far: <see cref="Bounces"/> by RULES.md §3 (the offset from
/// the lowest point turned round), and how often it crossed the floor along the steepest direction of curvature
/// (<see cref="CrossedAcross"/>, λmax) and the gentlest (<see cref="CrossedAlong"/>, λmin; 0 with one free parameter),
/// counted as the lesson counts them (<see cref="Content.Lessons.DirectionRecord"/>).
/// </summary>
public readonly record struct TraceFrame(int Step, double Beta0, double Beta1, double Cost, double Gap, int Bounces, int CrossedAcross = 0, int CrossedAlong = 0);
