using System.IO.Abstractions;
using LittleRedDot.Content;
using LittleRedDot.Content.Board;
using LittleRedDot.Content.Rooms;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// The game's tie to a room (RULES.md §9): every finished run goes through the outbox in the player's data
/// folder (kept first, then sent in the background; what could not be sent goes again at the next start and
/// the next run), and the room's board is asked for in the background, so a room out of reach never blocks
/// a key. Tokens are kept by <see cref="IRoomTokens"/> (the player's settings).
/// </summary>
public sealed class RoomLink
{
    private readonly HttpClient http;
    private readonly TimeProvider clock;
    private readonly Outbox outbox;
    private readonly Lock gate = new();
    private Task<RoomBoard>? boardRequest;
    private RoomAddress? boardRoom;
    private (BoardSnapshot? Board, string? Note, string? Problem) shown;

    public RoomLink(IFileSystem fileSystem, string dataFolder, HttpClient http, IRoomTokens tokens, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(http);
        this.http = http;
        this.clock = clock;
        outbox = new Outbox(fileSystem, dataFolder, http, tokens, clock);
    }

    /// <summary>Sends a run to <paramref name="room"/> in the background.</summary>
    public RoomSubmission Submit(RoomAddress room, RunFile run) =>
        new(room, Task.Run(() => outbox.SubmitAsync(room, run, CancellationToken.None)));

    /// <summary>Sends every run still waiting in the outbox, to every room, in the background (at the start of the game).</summary>
    public Task<SendReport> SendWaiting() => Task.Run(() => outbox.SendAllAsync(CancellationToken.None));

    /// <summary>
    /// The room's board as last received, asking again once the last answer is in: what is shown is at most one
    /// refresh old, and a room out of reach never blocks. <c>Note</c> says when the round is closed or the board
    /// frozen; <c>Problem</c>, safe for the terminal, why there is no board (yet).
    /// </summary>
    public (BoardSnapshot? Board, string? Note, string? Problem) Board(RoomAddress room)
    {
        ArgumentNullException.ThrowIfNull(room);
        lock (gate)
        {
            if (boardRoom != room)
            {
                boardRoom = room;
                boardRequest = null;
                shown = (null, null, $"Asking the room {room} for its board…");
            }

            if (boardRequest is { IsCompleted: true } done)
            {
                shown = done.IsCompletedSuccessfully
                    ? (done.Result.Snapshot, RoundNote(done.Result), null)
                    : (null, null, TextSafety.Escape(done.Exception?.GetBaseException().Message ?? "the room did not answer"));
            }

            if (boardRequest is null or { IsCompleted: true })
            {
                boardRequest = Task.Run(() => new RoomClient(http, room, clock).BoardAsync(CancellationToken.None));
            }

            return shown;
        }
    }

    private static string? RoundNote(RoomBoard board) =>
        board.Closed == true ? "the round is closed" : board.Frozen == true ? "the board is frozen" : null;
}
