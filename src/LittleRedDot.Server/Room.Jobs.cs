using LittleRedDot.Content;
using LittleRedDot.Content.Rooms;
using LittleRedDot.Server.Storage;

namespace LittleRedDot.Server;

/// <summary>The writer's jobs: each decides against the room's state as left by the jobs before it in the batch.</summary>
public sealed partial class Room
{
    private abstract class Job
    {
        /// <summary>
        /// Decides the answer, adds the changes to commit, updates the writer's state (with a way back in
        /// <paramref name="undo"/> should the commit fail), and leaves the board's update for <paramref name="after"/> it.
        /// </summary>
        public abstract void Decide(Room room, List<RoomChange> changes, Stack<Action> undo, List<Action> after);

        public abstract void Complete();

        public abstract void Fail(Exception error);
    }

    private abstract class Job<T> : Job
    {
        private T? decided;

        public TaskCompletionSource<T> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Complete() => Answer.TrySetResult(decided!);

        public override void Fail(Exception error) => Answer.TrySetException(error);

        protected void Decided(T answer) => decided = answer;
    }

    private sealed class SubmitJob(Verification verdict, byte[] body, string? token) : Job<SubmitAnswer>
    {
        public override void Decide(Room room, List<RoomChange> changes, Stack<Action> undo, List<Action> after)
        {
            var run = verdict.Run;
            var now = room.time.GetUtcNow();

            // A run already counted is recognised by its digest, even after the round closed (an outbox resending).
            // The name's token goes back only to whoever already holds it: a run file is shared freely, the token never.
            if (verdict.Verified && room.verifiedDigests.TryGetValue(run!.Digest, out var owner))
            {
                var held = room.claims.TryGetValue(owner, out var stored) && SameSecret(stored, token) ? stored : null;
                Decided(new SubmitAnswer.AlreadyStored(held));
                return;
            }

            if (room.round.IsClosedAt(now))
            {
                Decided(new SubmitAnswer.RoundClosed(room.round.ClosesAt!.Value));
                return;
            }

            var player = run?.Player;
            string? claimed = null;
            if (player is not null && room.claims.TryGetValue(player, out claimed) && !SameSecret(claimed, token))
            {
                Decided(new SubmitAnswer.NameClaimed(player));
                return;
            }

            var submission = new StoredSubmission(
                ++room.lastSubmissionId, room.round.Id, now, player, run?.LevelId, run?.Digest, verdict.Verified,
                verdict.ReasonText, verdict.Field, verdict.Message, body);
            changes.Add(new RoomChange.AddSubmission(submission));
            after.Add(() => room.Board.Add(submission, verdict.Verified ? run : null));
            if (!verdict.Verified)
            {
                Decided(new SubmitAnswer.Rejected(verdict));
                return;
            }

            room.verifiedDigests[run!.Digest] = run.Player;
            undo.Push(() => room.verifiedDigests.Remove(run.Digest));
            if (claimed is null)
            {
                claimed = NewToken();
                room.claims[run.Player] = claimed;
                undo.Push(() => room.claims.Remove(run.Player));
                changes.Add(new RoomChange.ClaimName(run.Player, claimed, now));
            }

            Decided(new SubmitAnswer.Accepted(claimed));
        }
    }

    private sealed class RoundJob(RoundAction action, DateTimeOffset? at) : Job<bool>
    {
        public override void Decide(Room room, List<RoomChange> changes, Stack<Action> undo, List<Action> after)
        {
            var current = room.round;
            var now = room.time.GetUtcNow();
            switch (action)
            {
                case RoundAction.Reset:
                    var digests = room.verifiedDigests.ToArray();
                    room.verifiedDigests.Clear();
                    undo.Push(() =>
                    {
                        foreach (var (digest, player) in digests)
                        {
                            room.verifiedDigests[digest] = player;
                        }
                    });
                    room.round = new RoundRecord(current.Id + 1, now, null, null);
                    changes.Add(new RoomChange.StartRound(room.round));
                    after.Add(room.Board.Reset);
                    break;
                case RoundAction.Freeze:
                    room.round = current with { FrozenUpTo = current.FrozenUpTo ?? room.lastSubmissionId };
                    changes.Add(new RoomChange.UpdateRound(room.round));
                    after.Add(room.Board.Freeze);
                    break;
                case RoundAction.Unfreeze:
                    room.round = current with { FrozenUpTo = null };
                    changes.Add(new RoomChange.UpdateRound(room.round));
                    after.Add(room.Board.Unfreeze);
                    break;
                default:
                    room.round = current with { ClosesAt = action == RoundAction.Close ? at ?? now : null };
                    changes.Add(new RoomChange.UpdateRound(room.round));
                    after.Add(room.Board.Touch);
                    break;
            }

            Decided(true);
        }
    }

    private sealed class ReleaseJob(string player) : Job<bool>
    {
        public override void Decide(Room room, List<RoomChange> changes, Stack<Action> undo, List<Action> after)
        {
            if (!room.claims.Remove(player, out var token))
            {
                Decided(false);
                return;
            }

            undo.Push(() => room.claims[player] = token);
            changes.Add(new RoomChange.ReleaseName(player));
            Decided(true);
        }
    }
}
