using LittleRedDot.Content.Lessons;
using LittleRedDot.Engine;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// Keeps the states of a run as the engine streams them, for the animation and the ghost path. A run
/// may take a million steps, so past <c>capacity</c> frames every other frame is dropped and only every
/// 2nd, then 4th, … step kept (the first and last always are): memory stays bounded, the picture the same.
/// The counters come from one <see cref="RunWitness"/> that watches the same run, so each frame's bounces (RULES.md §5's
/// rule, exactly as the engine counts them) and floor crossings per direction are the very ones the lesson quotes.
/// </summary>
public sealed class RunTrace : IRunObserver
{
    public const int DefaultCapacity = 1 << 16;

    private readonly int capacity;
    private readonly List<TraceFrame> frames = [];
    private int stride = 1;
    private TraceFrame last;
    private bool any;

    public RunTrace(Level level, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 4);
        Witness = new RunWitness(level);
        this.capacity = capacity;
    }

    /// <summary>What the run did, for its lesson: the witness whose counters the frames carry.</summary>
    public RunWitness Witness { get; }

    /// <summary>The frames kept, in step order, the last state seen included: read it once the run is over.</summary>
    public IReadOnlyList<TraceFrame> Frames =>
        !any || (frames.Count > 0 && frames[^1].Step == last.Step) ? frames.ToArray() : [.. frames, last];

    /// <summary>Keeps one frame in this many steps (1 until the run outgrows the capacity).</summary>
    public int Stride => stride;

    public void OnState(in RunState state)
    {
        Witness.OnState(state);
        var directions = Witness.Directions;
        var along = directions.Count == 2 ? directions[1].Crossings : 0;
        last = new TraceFrame(state.Step, state.Beta0, state.Beta1, state.Cost, state.Gap, Witness.Bounces, directions[0].Crossings, along);
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

    private void Thin()
    {
        stride *= 2;
        frames.RemoveAll(f => f.Step % stride != 0);
    }
}
