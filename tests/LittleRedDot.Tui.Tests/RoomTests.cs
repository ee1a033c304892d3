using System.Net;
using LittleRedDot.TestSupport;
using Terminal.Gui.Input;
using static LittleRedDot.Tui.Tests.ScreenText;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// The game in a room (RULES.md §9), against a fake room: every finished run is submitted, the status line
/// says accepted, refused (with the reason) or waiting, runs that waited go at the next start, R sets the
/// room, and B shows the room's board.
/// </summary>
public sealed class RoomTests : IDisposable
{
    private const string Url = "http://127.0.0.1:5055";
    private readonly TestLevels levels = new();
    private readonly FakeRoom room = new();

    public void Dispose()
    {
        room.Dispose();
        levels.Dispose();
    }

    /// <summary>Plays the first level with its default choice to the end, waits for the room's answer, and lets the screen look.</summary>
    private static string PlayAndAwaitTheRoom(GameHarness game)
    {
        game.Press(Key.Enter, Key.Enter, Key.Enter, Key.End);
        var submission = game.Level.Session.LastSave?.Room ?? throw new InvalidOperationException("no run was submitted");
        Assert.True(submission.Completion.Wait(TimeSpan.FromSeconds(30)), "the fake room answers at once; 30 s bounds a broken test");
        game.Wait(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(50)); // the screen looks every 250 ms
        return Squeezed(game.Screen());
    }

    [Fact]
    public void A_finished_run_is_submitted_and_the_status_line_says_it_was_accepted()
    {
        using var game = new GameHarness(levels, room: room, roomAddress: Url);

        var screen = PlayAndAwaitTheRoom(game);

        Shows(screen, "Accepted by the room.");
        var sent = Assert.Single(room.Requests);
        Assert.Equal("/api/runs", sent.Path);
        Assert.Equal(game.Level.Session.LastRun!.Digest, Assert.Single(room.StoredDigests));
    }

    [Fact]
    public async Task A_token_run_submit_kept_while_the_game_was_open_survives_the_games_own_writes()
    {
        // Issue 14, round two: the game wrote back the settings it read at start, erasing a token `run --submit` had
        // kept meanwhile; its next run was then refused (403) under the player's own name.
        using var game = new GameHarness(levels, room: room, roomAddress: Url);
        var fileSystem = new System.IO.Abstractions.FileSystem();
        var other = new LittleRedDot.Content.Progress.SettingsStore(fileSystem, levels.SettingsFile, game.Clock);
        var level = new LittleRedDot.Content.LevelLibrary(fileSystem, levels.Levels).Find("t-01-slope")!;
        using var http = new HttpClient(room, disposeHandler: false);
        var outbox = new LittleRedDot.Content.Rooms.Outbox(fileSystem, Path.Combine(levels.Root, "other-data"), http, new LittleRedDot.Content.Rooms.SettingsRoomTokens(other), game.Clock);
        var run = LittleRedDot.Content.RunRecorder.Record(level, new LittleRedDot.Engine.Choice(0.01, 0, -4), "ada", game.Clock.GetUtcNow());
        var claimed = await outbox.SubmitAsync(LittleRedDot.Content.Rooms.RoomAddress.Parse(Url), run, CancellationToken.None);
        Assert.Equal(LittleRedDot.Content.Rooms.DeliveryStatus.Stored, claimed.Delivery.Status);

        var screen = PlayAndAwaitTheRoom(game); // remembers the choice (a settings write), then submits

        Shows(screen, "Accepted by the room.");
        Assert.Equal(FakeRoom.TokenFor("ada"), room.Requests[^1].PlayerToken);
        Assert.Equal(FakeRoom.TokenFor("ada"), other.Load().RoomTokenFor(Url, "ada"));
    }

    [Fact]
    public void A_refused_run_says_why()
    {
        room.Next.Enqueue(_ => FakeRoom.Problem(HttpStatusCode.Conflict, "Round closed", "the round closed at 11:30"));
        using var game = new GameHarness(levels, room: room, roomAddress: Url);

        var screen = PlayAndAwaitTheRoom(game);

        Shows(screen, "Refused by the room (409): the round closed at 11:30.");
    }

    [Fact]
    public void A_refusal_too_long_for_one_row_takes_two_at_80_columns_and_loses_no_word()
    {
        // The detail the room server sends for a closed round (RoomEndpoints): 94 columns with the status, more than 80.
        const string detail = "the round closed at 2026-11-29T16:31:53Z; no more runs are taken";
        room.Next.Enqueue(_ => FakeRoom.Problem(HttpStatusCode.Conflict, "Round closed", detail));
        using var game = new GameHarness(levels, room: room, roomAddress: Url);

        PlayAndAwaitTheRoom(game);

        // Oracle: the layout — the key bar is the last row, the message the two rows above it.
        var rows = game.Screen().TrimEnd('\n').Split('\n');
        var message = string.Join(' ', rows[^3].Trim(), rows[^2].Trim());
        Assert.StartsWith($"Refused by the room (409): {detail}. ", message, StringComparison.Ordinal); // then where the run file went
        Assert.Contains("F1", rows[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_the_room_cannot_take_waits_and_goes_at_the_next_start()
    {
        room.Up = false;
        using (var game = new GameHarness(levels, room: room, roomAddress: Url))
        {
            Shows(PlayAndAwaitTheRoom(game), "Waiting: the room cannot take it now; the run is kept and sent again later.");
        }

        room.Up = true;
        using var next = new GameHarness(levels, room: room, roomAddress: Url);
        next.Services.SendWaitingRuns();
        // A bounded wait for the background send (the fake room answers at once).
        Assert.True(SpinWait.SpinUntil(() => room.StoredDigests.Count > 0, TimeSpan.FromSeconds(30)));
        Assert.Single(room.StoredDigests);
        Assert.Single(room.Requests); // sent once, when the room was up
    }

    [Fact]
    public void R_sets_the_room_and_the_level_list_says_where_runs_go()
    {
        using var game = new GameHarness(levels, room: room);

        game.Press(Key.R).Type(Url).Press(Key.Enter);

        Assert.Equal(Url, game.Services.Room?.Text);
        Shows(Squeezed(game.Screen()), $"Every run is sent to the room {Url}");
        Assert.Contains(Url, File.ReadAllText(levels.SettingsFile), StringComparison.Ordinal); // kept for the next start
    }

    [Fact]
    public void B_shows_the_rooms_board()
    {
        using (var first = new GameHarness(levels, room: room, roomAddress: Url))
        {
            PlayAndAwaitTheRoom(first);
        }

        using var game = new GameHarness(levels, room: room, roomAddress: Url);
        game.Press(Key.B);
        Shows(Squeezed(game.Screen()), "Asking the room http://127.0.0.1:5055 for its board…");

        // The board screen asks again every 2 s (virtual time) and shows the answer the room gave in the background;
        // a bounded wait, as the request runs on another thread.
        Assert.True(SpinWait.SpinUntil(
            () => game.Wait(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500)).Screen().Contains("1 ada ", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void A_token_the_settings_file_could_not_keep_is_shown_in_the_status_with_the_way_to_give_it()
    {
        // Issue 14: the room stored the run and returned a token, which the settings file could not keep. Oracle: the
        // token the room returned, and the environment variable `play` and `run` read it from.
        const string token = "Wn23q2b02Frr4dcGgCoiQs15kTMIF2LY";
        var delivery = new LittleRedDot.Content.Rooms.Delivery(LittleRedDot.Content.Rooms.DeliveryStatus.Stored, "stored", 201, token, TokenNotKept: "the lock is a folder");
        var submission = new Presentation.RoomSubmission(LittleRedDot.Content.Rooms.RoomAddress.Parse(Url), Task.FromResult(new LittleRedDot.Content.Rooms.OutboxReport(delivery, 0, 0, 0, null)));

        Assert.True(submission.IsWarning);
        Assert.Contains($"{LittleRedDot.Content.Rooms.GivenRoomToken.Variable}={token}", submission.Status, StringComparison.Ordinal);
        Assert.True(submission.Status.Length <= 2 * 78, submission.Status); // the message's two rows at 80 columns
    }
}
