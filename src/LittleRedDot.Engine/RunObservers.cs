namespace LittleRedDot.Engine;

/// <summary>Shows every state of a run to several observers, in the order given (a digest, a trace, a lesson's witness).</summary>
public sealed class RunObservers(params IRunObserver[] observers) : IRunObserver
{
    public void OnState(in RunState state)
    {
        foreach (var observer in observers)
        {
            observer.OnState(state);
        }
    }
}
