namespace LittleRedDot.Tui.Tests;

/// <summary>A .NET clock that says what the test tells it (the time runs are saved at).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
