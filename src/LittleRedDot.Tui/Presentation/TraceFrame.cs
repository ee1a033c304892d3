namespace LittleRedDot.Tui.Presentation;

/// <summary>The dot after <see cref="Step"/> steps, with the bounces counted so far.</summary>
public readonly record struct TraceFrame(int Step, double Beta0, double Beta1, double Cost, double Gap, int Bounces);
