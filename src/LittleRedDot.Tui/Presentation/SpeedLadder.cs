namespace LittleRedDot.Tui.Presentation;

/// <summary>The animation speeds, in steps per second; at most 30 frames a second are drawn, so faster speeds take several steps a frame.</summary>
public static class SpeedLadder
{
    public const int DefaultIndex = 3;

    /// <summary>The most frames a second the animation draws.</summary>
    public const double FramesPerSecond = 30;

    private static readonly double[] Speeds = [1, 2, 5, 10, 20, 30, 60, 120, 300, 1000, 10000];

    /// <summary>A run's animation at its starting speed lasts at most about this long, whatever the budget.</summary>
    public static readonly TimeSpan LongestAnimation = TimeSpan.FromSeconds(10);

    public static int Count => Speeds.Length;

    /// <summary>
    /// The speed a run of <paramref name="steps"/> starts at: the default, or the slowest faster one that plays it within
    /// <see cref="LongestAnimation"/> (a 2,500-step run plays at 300 steps/s, about 8 s, not four minutes at 10).
    /// </summary>
    public static int StartIndexFor(int steps)
    {
        var index = DefaultIndex;
        while (index < Speeds.Length - 1 && steps / Speeds[index] > LongestAnimation.TotalSeconds)
        {
            index++;
        }

        return index;
    }

    public static double StepsPerSecond(int index) => Speeds[Math.Clamp(index, 0, Speeds.Length - 1)];

    /// <summary>How often the animation timer fires at a speed: each step when slow, 30 times a second when fast.</summary>
    public static TimeSpan TickInterval(int index) =>
        TimeSpan.FromSeconds(1.0 / Math.Min(StepsPerSecond(index), FramesPerSecond));
}
