using LittleRedDot.Engine;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// Plays a recorded run back step by step: where the dot is now, how far the animation has got, and
/// whether it is over. Time comes from the caller (the screen's timer), so tests can drive it exactly.
/// </summary>
public sealed class Playback
{
    private double stepCursor;

    public Playback(IReadOnlyList<TraceFrame> frames, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(result);
        if (frames.Count == 0)
        {
            throw new ArgumentException("A run has at least its start.", nameof(frames));
        }

        Frames = frames;
        Result = result;
    }

    public IReadOnlyList<TraceFrame> Frames { get; }

    public RunResult Result { get; }

    /// <summary>The index in <see cref="Frames"/> of the frame shown.</summary>
    public int Index { get; private set; }

    public TraceFrame Current => Frames[Index];

    public TraceFrame? Previous => Index > 0 ? Frames[Index - 1] : null;

    public bool AtEnd => Index == Frames.Count - 1;

    /// <summary>Moves on by <paramref name="steps"/> engine steps (fractions add up); returns whether the frame changed.</summary>
    public bool Advance(double steps)
    {
        if (AtEnd)
        {
            return false;
        }

        stepCursor = Math.Max(stepCursor, Current.Step) + steps;
        var before = Index;
        while (!AtEnd && Frames[Index + 1].Step <= stepCursor)
        {
            Index++;
        }

        return Index != before;
    }

    /// <summary>Shows the next kept frame, whatever the speed.</summary>
    public bool StepOnce()
    {
        if (AtEnd)
        {
            return false;
        }

        Index++;
        stepCursor = Current.Step;
        return true;
    }

    public void SkipToEnd()
    {
        Index = Frames.Count - 1;
        stepCursor = Current.Step;
    }
}
