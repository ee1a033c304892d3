using LittleRedDot.Content.Rooms;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// One finished run on its way to the room (RULES.md §9), sent in the background so the game never waits on
/// the network. <see cref="Status"/> says in words, safe for the terminal, where it is: being sent, accepted,
/// refused (with the room's reason) or waiting in the outbox to be sent again.
/// </summary>
public sealed class RoomSubmission(RoomAddress room, Task<OutboxReport> sending)
{
    public RoomAddress Room { get; } = room;

    /// <summary>Completes when the room answered or the run went to the outbox; never faults (a fault is said in <see cref="Status"/>).</summary>
    public Task Completion => sending.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public bool IsCompleted => sending.IsCompleted;

    /// <summary>The room's answer; null while the run is being sent or when sending failed unexpectedly.</summary>
    public OutboxReport? Report => sending.IsCompletedSuccessfully ? sending.Result : null;

    /// <summary>Whether the status is bad news for the player (refused, or not delivered).</summary>
    public bool IsWarning => IsCompleted && (Report?.Delivery is not { Status: DeliveryStatus.Stored } || Report.Delivery.TokenNotKept is not null);

    public string Status
    {
        get
        {
            if (!sending.IsCompleted)
            {
                return "Sending to the room…";
            }

            if (Report is not { } report)
            {
                return $"Room: not sent ({sending.Exception?.GetBaseException().Message ?? "cancelled"}).";
            }

            var delivery = report.Delivery;
            return delivery.Status switch
            {
                DeliveryStatus.Stored when delivery is { TokenNotKept: not null, Token: { } token } =>
                    $"Accepted by the room, but your token could not be kept: set {GivenRoomToken.Variable}={token} for `play` and `run` to keep your name.",
                DeliveryStatus.Stored => "Accepted by the room.",
                DeliveryStatus.Refused => $"Refused by the room ({delivery.HttpStatus}): {delivery.Detail}.",
                _ when report.NotKept is { } why => $"Not sent to the room, and not kept: {why}.",
                _ => "Waiting: the room cannot take it now; the run is kept and sent again later.",
            };
        }
    }
}
