using System.IO.Abstractions;

namespace LittleRedDot.Content.Board;

/// <summary>
/// A workshop leaderboard (RULES.md §4, §8): every *.run.json under a runs folder is verified against
/// the levels of one pack as replay does, each player's best verified run per level counts, players
/// rank by total score, total stars, total bounces and name. A refresh re-verifies only files that are
/// new or changed since the last one, so polling a shared folder keeps up with a full room.
/// </summary>
public sealed class Leaderboard
{
    /// <summary>Watching a room: a malformed file younger than this may still be being written: it is pending, not rejected.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(3);

    private readonly TimeSpan settleTime;

    private readonly IFileSystem fileSystem;
    private readonly TimeProvider time;
    private readonly Pack pack;
    private readonly RunFileChecker checker;
    private readonly Dictionary<string, (long Length, DateTime Written, Verification Verdict)> seen = new(StringComparer.Ordinal);

    /// <summary>
    /// A board on <paramref name="pack"/>. <paramref name="settleTime"/>: how long a malformed file may be pending (default
    /// <see cref="SettleTime"/>); zero for a one-shot board, which lists every malformed file as rejected (RULES.md §8).
    /// </summary>
    public Leaderboard(IFileSystem fileSystem, TimeProvider time, Pack pack, LevelLoader loader, TimeSpan? settleTime = null)
    {
        this.fileSystem = fileSystem;
        this.time = time;
        this.pack = pack;
        this.settleTime = settleTime ?? SettleTime;
        var levels = new PackLevels(pack, loader);
        LevelIds = levels.LevelIds;
        checker = levels.Checker(fileSystem);
    }

    public IReadOnlyList<string> LevelIds { get; }

    /// <summary>Verifies what is new or changed under <paramref name="runsFolder"/> and ranks the players.</summary>
    /// <exception cref="ContentException">The runs folder does not exist.</exception>
    public BoardSnapshot Refresh(string runsFolder)
    {
        if (!fileSystem.Directory.Exists(runsFolder))
        {
            throw new ContentException(new LocatedError(runsFolder, string.Empty, "the runs folder does not exist")) { IsUnreadable = true };
        }

        var now = time.GetUtcNow().UtcDateTime;
        var files = checker.Expand([runsFolder]).ToArray();
        var present = new HashSet<string>(files, StringComparer.Ordinal);
        foreach (var gone in seen.Keys.Where(k => !present.Contains(k)).ToArray())
        {
            seen.Remove(gone);
        }

        var verified = new List<RankedRun>();
        var rejected = new List<BoardRejection>();
        var pending = 0;
        foreach (var file in files)
        {
            var info = fileSystem.FileInfo.New(file);
            long length;
            DateTime written;
            try
            {
                length = info.Length;
                written = info.LastWriteTimeUtc;
            }
            catch (IOException)
            {
                // Deleted between listing and looking: gone from this refresh. Anything else that cannot be looked at
                // (a folder the search could not list, a path longer than the system allows) is listed as rejected.
                // A name that is not valid UTF-8 cannot be looked at by its listed string either: the checker finds it by its bytes.
                var why = checker.Check(file);
                if (why.Verified)
                {
                    verified.Add(new RankedRun(file, why.Run!, why.Run!.Result!));
                }
                else if (why.Message != "file not found")
                {
                    rejected.Add(new BoardRejection(file, why.Message));
                }

                continue;
            }

            if (!seen.TryGetValue(file, out var entry) || entry.Length != length || entry.Written != written)
            {
                entry = (length, written, checker.Check(file));
                seen[file] = entry;
            }

            var verdict = entry.Verdict;
            if (verdict.Verified)
            {
                verified.Add(new RankedRun(file, verdict.Run!, verdict.Run!.Result!));
            }
            else if (verdict.IsBadInput && now - written < settleTime)
            {
                pending++;
            }
            else
            {
                rejected.Add(new BoardRejection(file, verdict.Message));
            }
        }

        return new BoardSnapshot(pack.Title, LevelIds, Rank(verified, LevelIds), rejected, pending);
    }

    /// <summary>Ranks players by their best run per level (RULES.md §4).</summary>
    public static IReadOnlyList<BoardRow> Rank(IEnumerable<RankedRun> runs, IReadOnlyList<string> levelIds)
    {
        var best = new Dictionary<(string Player, string Level), RankedRun>();
        foreach (var run in runs)
        {
            var key = (run.Run.Player, run.Run.LevelId);
            if (!best.TryGetValue(key, out var current) || RunRanking.Instance.Compare(run, current) < 0)
            {
                best[key] = run;
            }
        }

        var rows = best.Values
            .GroupBy(r => r.Run.Player, StringComparer.Ordinal)
            .Select(g => (
                Player: g.Key,
                Score: g.Sum(r => r.Result.Score),
                Stars: g.Sum(r => (long)r.Result.Stars),
                Bounces: g.Sum(r => (long)r.Result.Bounces),
                Levels: levelIds.Where(id => g.Any(r => r.Run.LevelId == id))
                    .ToDictionary(id => id, id => g.First(r => r.Run.LevelId == id).Result.Score, StringComparer.Ordinal)))
            .OrderByDescending(p => p.Score)
            .ThenByDescending(p => p.Stars)
            .ThenBy(p => p.Bounces)
            .ThenBy(p => p.Player, StringComparer.Ordinal)
            .ToList();
        return rows.Select((p, i) => new BoardRow(i + 1, p.Player, p.Score, p.Stars, p.Bounces, p.Levels)).ToArray();
    }
}
