namespace LittleRedDot.Engine;

/// <summary>The dot after <see cref="Step"/> steps: β_k, J(β_k) and the gap g_k.</summary>
public readonly record struct RunState(int Step, double Beta0, double Beta1, double Cost, double Gap);
