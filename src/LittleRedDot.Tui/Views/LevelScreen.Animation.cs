using LittleRedDot.Tui.Presentation;
using Terminal.Gui.ViewBase;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// The level screen's animation: a timer on the application's clock moves the session's playback on, and
/// each tick redraws only the views that show the run. A second, slow timer waits for the room's answer to
/// a run (RULES.md §9) and redraws the message row when it comes.
/// </summary>
public sealed partial class LevelScreen
{
    /// <summary>How often the screen looks whether the room answered: often enough to feel immediate, rare enough to cost nothing.</summary>
    private static readonly TimeSpan RoomPoll = TimeSpan.FromMilliseconds(250);

    private object? timer;
    private object? roomTimer;
    private TimeSpan tickInterval;
    private DateTimeOffset lastTick;

    /// <summary>The views that show the run, for tests that check what an animation tick redraws.</summary>
    public IReadOnlyList<View> RunViews => [scatter, valley, live, learn, why];

    /// <summary>Stops the animation's timer (the window is closing or the level is left).</summary>
    public void StopAnimation() => StopTimer();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            StopTimer();
            if (roomTimer is not null)
            {
                App?.RemoveTimeout(roomTimer);
                roomTimer = null;
            }
        }

        base.Dispose(disposing);
    }

    private void Launch()
    {
        if (session.Launch())
        {
            outcome.Scroll = 0;
            RestartTimer();
            WatchRoom();
        }
    }

    private void WatchRoom()
    {
        if (roomTimer is not null || App is null || !session.RoomAnswerPending)
        {
            return;
        }

        roomTimer = App.AddTimeout(RoomPoll, () =>
        {
            if (session.ShowRoomAnswer())
            {
                message.SetNeedsDraw();
            }

            if (session.RoomAnswerPending)
            {
                return true;
            }

            roomTimer = null;
            return false;
        });
    }

    private void RestartTimer()
    {
        StopTimer();
        if (session.Phase != SessionPhase.Running || App is null)
        {
            return;
        }

        tickInterval = SpeedLadder.TickInterval(session.SpeedIndex);
        lastTick = services.Clock.GetUtcNow();
        timer = App.AddTimeout(tickInterval, OnTick);
    }

    private void StopTimer()
    {
        if (timer is not null)
        {
            App?.RemoveTimeout(timer);
            timer = null;
        }
    }

    private bool OnTick()
    {
        // A timer fires late under load; count the time that really passed (up to 4 ticks) so the speed holds.
        var now = services.Clock.GetUtcNow();
        var passed = now - lastTick;
        lastTick = now;
        var elapsed = passed > tickInterval ? (passed < 4 * tickInterval ? passed : 4 * tickInterval) : tickInterval;
        var changed = session.Tick(elapsed);
        if (session.Phase != SessionPhase.Running)
        {
            timer = null;
            notices.AddRange(services.TakeNotices());
            Refresh();
            return false;
        }

        if (changed)
        {
            foreach (var view in RunViews)
            {
                if (view.Visible)
                {
                    view.SetNeedsDraw();
                }
            }
        }

        return true;
    }
}
