namespace LittleRedDot.Engine;

/// <summary>
/// Watches a run for the solver and stops it once it provably cannot end differently. A step is a pure
/// function of (β0, β1) (RULES.md §5: the gradient comes from β alone), so once a state repeats exactly, the
/// run cycles through states it has already checked: it will never reach nor diverge and must end
/// out-of-steps. That happens when τ is finer than doubles can resolve near β*: the forecast, made in real
/// arithmetic, says "reaches", while the engine's dot is stuck a few ulps from the floor.
/// </summary>
internal sealed class StallWatch : IRunObserver
{
    /// <summary>Cycles up to this long are recognised (a fixed point, or a dot flipping between a few ulps).</summary>
    private const int Period = 4;

    private readonly long[] beta0 = new long[Period];
    private readonly long[] beta1 = new long[Period];
    private int seen;

    /// <summary>How many steps the watched run has taken so far.</summary>
    public long Steps => Math.Max(seen - 1, 0);

    public void OnState(in RunState state)
    {
        var b0 = BitConverter.DoubleToInt64Bits(state.Beta0);
        var b1 = BitConverter.DoubleToInt64Bits(state.Beta1);
        var known = Math.Min(seen, Period);
        for (var back = 1; back <= known; back++)
        {
            var slot = (seen - back) % Period;
            if (beta0[slot] == b0 && beta1[slot] == b1)
            {
                throw new StalledException();
            }
        }

        beta0[seen % Period] = b0;
        beta1[seen % Period] = b1;
        seen++;
    }

    /// <summary>Ends a run the watch has proved stuck; the solver catches it and counts the run as not reaching.</summary>
    internal sealed class StalledException : Exception
    {
        public StalledException()
            : base("The run repeats a state; it cannot reach the valley.")
        {
        }
    }
}
