namespace LittleRedDot.Engine;

/// <summary>
/// Sees every state of a run as it happens, k = 0 … steps: the streaming form for animation, traces
/// and digests, so that a million-step run need not keep a million-entry trajectory.
/// </summary>
public interface IRunObserver
{
    void OnState(in RunState state);
}
