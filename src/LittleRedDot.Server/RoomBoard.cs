using System.Globalization;
using LittleRedDot.Content;
using LittleRedDot.Content.Board;
using LittleRedDot.Server.Storage;

namespace LittleRedDot.Server;

/// <summary>
/// A round's public board (RULES.md §4, §9): each player's best verified run per level, ranked by the
/// leaderboard's own code, and the latest rejected submissions. While frozen the public board is the one
/// of the freeze; runs keep arriving underneath. Changed only by the room's writer, after a commit.
/// </summary>
public sealed class RoomBoard(PackLevels levels)
{
    /// <summary>How many rejected submissions the public board lists (the export has them all).</summary>
    public const int RejectedShown = 100;

    private readonly Lock gate = new();
    private Standing live = new();
    private Standing? frozen;
    private long version;
    private (long Version, bool Closed, byte[] Json)? cache;

    /// <summary>Counts a stored submission; <paramref name="run"/> is its run file when verified.</summary>
    public void Add(StoredSubmission submission, RunFile? run)
    {
        ArgumentNullException.ThrowIfNull(submission);
        lock (gate)
        {
            live.Add(submission, run);
            version++;
        }
    }

    public void Freeze()
    {
        lock (gate)
        {
            frozen ??= live.Copy();
            version++;
        }
    }

    public void Unfreeze()
    {
        lock (gate)
        {
            frozen = null;
            version++;
        }
    }

    /// <summary>A new round: nothing on the board, not frozen.</summary>
    public void Reset()
    {
        lock (gate)
        {
            live = new Standing();
            frozen = null;
            version++;
        }
    }

    /// <summary>The round itself changed (closed, opened): the next board is written anew.</summary>
    public void Touch()
    {
        lock (gate)
        {
            version++;
        }
    }

    /// <summary>The public board: the frozen one while frozen.</summary>
    public BoardSnapshot Snapshot()
    {
        lock (gate)
        {
            return (frozen ?? live).Snapshot(levels);
        }
    }

    /// <summary>
    /// `GET /api/board`: the object `board --format json` prints (RULES.md §8), and `round`: its number,
    /// start, close time, whether it is closed and whether the board is frozen; `title`: the pack's title; `levels`: its level ids in order.
    /// </summary>
    public byte[] Json(RoundRecord round, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(round);
        var closed = round.IsClosedAt(now);
        lock (gate)
        {
            if (cache is { } c && c.Version == version && c.Closed == closed)
            {
                return c.Json;
            }

            var isFrozen = frozen is not null;
            var json = BoardJson.ToBytes((frozen ?? live).Snapshot(levels), w =>
            {
                w.WriteString("title", levels.Pack.Title);
                w.WriteStartArray("levels");
                foreach (var id in levels.LevelIds)
                {
                    w.WriteStringValue(id);
                }

                w.WriteEndArray();
                w.WriteStartObject("round");
                w.WriteNumber("number", round.Id);
                w.WriteString("startedAt", Rfc3339.Format(round.StartedAt));
                if (round.ClosesAt is { } at)
                {
                    w.WriteString("closesAt", Rfc3339.Format(at));
                }
                else
                {
                    w.WriteNull("closesAt");
                }

                w.WriteBoolean("closed", closed);
                w.WriteBoolean("frozen", isFrozen);
                w.WriteEndObject();
            });
            cache = (version, closed, json);
            return json;
        }
    }

    /// <summary>One board's content: the best run per (player, level) and the latest rejections.</summary>
    private sealed class Standing
    {
        private readonly Dictionary<(string Player, string Level), RankedRun> best = [];
        private readonly Queue<BoardRejection> rejected = new();

        public void Add(StoredSubmission submission, RunFile? run)
        {
            if (run is { Result: { } result } && submission.Verified)
            {
                // The submission number, zero-padded, is the last tie-break (§4's "file path"): the earlier run wins.
                var ranked = new RankedRun(submission.Id.ToString("D19", CultureInfo.InvariantCulture), run, result);
                var key = (run.Player, run.LevelId);
                if (!best.TryGetValue(key, out var current) || RunRanking.Instance.Compare(ranked, current) < 0)
                {
                    best[key] = ranked;
                }

                return;
            }

            if (rejected.Count == RejectedShown)
            {
                rejected.Dequeue();
            }

            var who = submission.Player is { } p ? $" by {p}" : string.Empty;
            rejected.Enqueue(new BoardRejection($"submission {submission.Id}{who}", submission.Message));
        }

        public Standing Copy()
        {
            var copy = new Standing();
            foreach (var (key, run) in best)
            {
                copy.best[key] = run;
            }

            foreach (var r in rejected)
            {
                copy.rejected.Enqueue(r);
            }

            return copy;
        }

        public BoardSnapshot Snapshot(PackLevels levels) =>
            new(levels.Pack.Title, levels.LevelIds, Leaderboard.Rank(best.Values, levels.LevelIds), rejected.ToArray(), 0);
    }
}
