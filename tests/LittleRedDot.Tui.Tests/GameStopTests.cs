using LittleRedDot.Tui.Lifecycle;
using Microsoft.Extensions.Time.Testing;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// Issue 14, kind 1: a stop request from outside the game (a signal, a terminal that hung up) carries the exit code the
/// game logs and returns, and arms a watchdog that ends the process with that code if the orderly shutdown is stuck.
/// </summary>
public sealed class GameStopTests
{
    [Fact]
    public void The_watchdog_ends_the_process_with_the_first_requests_code_once_the_grace_period_passes()
    {
        var time = new FakeTimeProvider();
        var exits = new List<int>();
        using var stop = new GameStop(time, exits.Add);

        stop.Request(129);
        stop.Request(143); // a later request (SIGTERM after the hang-up) changes nothing

        Assert.True(stop.Token.IsCancellationRequested);
        Assert.Equal(129, stop.ExitCode);

        // Oracle: GameStop.Grace is the whole grace period; one tick short of it nothing has ended the process.
        time.Advance(GameStop.Grace - TimeSpan.FromTicks(1));
        Assert.Empty(exits);
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal([129], exits);

        time.Advance(GameStop.Grace * 10); // the watchdog fires once
        Assert.Equal([129], exits);
    }

    [Fact]
    public void Without_a_request_nothing_is_armed_and_there_is_no_code()
    {
        var time = new FakeTimeProvider();
        var exits = new List<int>();
        using var stop = new GameStop(time, exits.Add);

        time.Advance(GameStop.Grace * 10);

        Assert.False(stop.Token.IsCancellationRequested);
        Assert.Null(stop.ExitCode);
        Assert.Empty(exits);
    }

    [Fact]
    public void The_watchdog_outlives_the_stop_object_because_the_stuck_shutdown_runs_after_the_game_returned()
    {
        var time = new FakeTimeProvider();
        var exits = new List<int>();
        using (var stop = new GameStop(time, exits.Add))
        {
            stop.Request(130);
        }

        time.Advance(GameStop.Grace);
        Assert.Equal([130], exits);
    }
}
