using LittleRedDot.Engine;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// Keeps the states of a run as the engine streams them, for the animation and the ghost path. A run
/// may take a million steps, so past <c>capacity</c> frames every other frame is dropped and only every
/// 2nd, then 4th, … step kept (the first and last always are): memory stays bounded, the picture the same.
/// Bounces are counted live by RULES.md §5's rule, exactly as the engine counts them.
/// </summary>
public sealed class RunTrace : IRunObserver
{
    public const int DefaultCapacity = 1 << 16;

    private readonly Valley valley;
    private readonly int capacity;
    private readonly List<TraceFrame> frames = [];
    private int stride = 1;
    private int bounces;
    private double previous0;
    private double previous1;
    private TraceFrame last;
    private bool any;

    public RunTrace(Valley valley, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(valley);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 4);
        this.valley = valley;
        this.capacity = capacity;
    }

    /// <summary>The frames kept, in step order, the last state seen included: read it once the run is over.</summary>
    public IReadOnlyList<TraceFrame> Frames =>
        !any || (frames.Count > 0 && frames[^1].Step == last.Step) ? frames.ToArray() : [.. frames, last];

    /// <summary>Keeps one frame in this many steps (1 until the run outgrows the capacity).</summary>
    public int Stride => stride;

    public void OnState(in RunState state)
    {
        var e0 = valley.IsBeta0Free ? state.Beta0 - valley.Beta0Star : 0.0;
        var e1 = valley.IsBeta1Free ? state.Beta1 - valley.Beta1Star : 0.0;
        if (any && Crossed(e0, e1))
        {
            bounces++;
        }

        previous0 = e0;
        previous1 = e1;
        last = new TraceFrame(state.Step, state.Beta0, state.Beta1, state.Cost, state.Gap, bounces);
        any = true;
        if (state.Step % stride == 0)
        {
            frames.Add(last);
            if (frames.Count >= capacity)
            {
                Thin();
            }
        }
    }

    /// <summary>The same test as the engine's (RULES.md §5): (e0_k·e0_{k−1}) + (e1_k·e1_{k−1}) &lt; 0 over the free parameters.</summary>
    private bool Crossed(double n0, double n1)
    {
        if (valley.IsBeta0Free && valley.IsBeta1Free)
        {
            return ((n0 * previous0) + (n1 * previous1)) < 0;
        }

        return valley.IsBeta1Free ? (n1 * previous1) < 0 : (n0 * previous0) < 0;
    }

    private void Thin()
    {
        stride *= 2;
        frames.RemoveAll(f => f.Step % stride != 0);
    }
}
