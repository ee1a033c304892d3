namespace LittleRedDot.Tui.Presentation;

/// <summary>The animation speeds, in steps per second; at most 30 frames a second are drawn, so faster speeds take several steps a frame.</summary>
public static class SpeedLadder
{
    public const int DefaultIndex = 3;

    /// <summary>The most frames a second the animation draws.</summary>
    public const double FramesPerSecond = 30;

    private static readonly double[] Speeds = [1, 2, 5, 10, 20, 30, 60, 120, 300, 1000, 10000];

    public static int Count => Speeds.Length;

    public static double StepsPerSecond(int index) => Speeds[Math.Clamp(index, 0, Speeds.Length - 1)];

    /// <summary>How often the animation timer fires at a speed: each step when slow, 30 times a second when fast.</summary>
    public static TimeSpan TickInterval(int index) =>
        TimeSpan.FromSeconds(1.0 / Math.Min(StepsPerSecond(index), FramesPerSecond));
}
