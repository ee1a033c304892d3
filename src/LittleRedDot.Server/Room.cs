using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using LittleRedDot.Content;
using LittleRedDot.Content.Rooms;
using LittleRedDot.Content.Board;
using LittleRedDot.Server.Storage;

namespace LittleRedDot.Server;

/// <summary>
/// A room (RULES.md §9): verifies each submission against the server's copy of the pack, and hands every
/// change to one writer that commits them in batches (one transaction, then the answers): a 2xx is only
/// ever sent for what is durably stored, and concurrent runs of one name or digest cannot race.
/// </summary>
public sealed partial class Room : IAsyncDisposable
{
    /// <summary>The most changes one transaction carries.</summary>
    public const int BatchSize = 256;

    private readonly IRoomStore store;
    private readonly PackLevels levels;
    private readonly TimeProvider time;
    private readonly ILogger log;
    private readonly RunFileChecker checker;
    private readonly Channel<Job> jobs = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, string> claims;
    private readonly Dictionary<string, string> verifiedDigests = new(StringComparer.Ordinal);
    private volatile RoundRecord round;
    private long lastSubmissionId;
    private Task? writer;

    private Room(IRoomStore store, PackLevels levels, TimeProvider time, ILogger log, RoomRecords records, RoundRecord round)
    {
        this.store = store;
        this.levels = levels;
        this.time = time;
        this.log = log;
        checker = levels.Checker(new System.IO.Abstractions.FileSystem());
        claims = new Dictionary<string, string>(records.Claims, StringComparer.Ordinal);
        this.round = round;
        lastSubmissionId = records.LastSubmissionId;
        Board = new RoomBoard(levels);
        foreach (var s in records.Submissions)
        {
            if (round.FrozenUpTo is { } upTo && s.Id > upTo)
            {
                Board.Freeze();
            }

            var run = s.Verified ? RunFileReader.Read(s.Body, $"submission {s.Id}") : null;
            if (run is not null)
            {
                verifiedDigests[run.Digest] = run.Player;
            }

            Board.Add(s, run);
        }

        if (round.FrozenUpTo is not null)
        {
            Board.Freeze();
        }
    }

    public RoomBoard Board { get; }

    public RoundRecord Round => round;

    public PackLevels Levels => levels;

    public string StoreDescription => store.Description;

    /// <summary>Opens the store, reloads the current round (starting round 1 in a new database) and starts the writer.</summary>
    /// <exception cref="RoomStoreException">The database cannot be opened.</exception>
    public static async Task<Room> OpenAsync(IRoomStore store, PackLevels levels, TimeProvider time, ILogger log, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        var records = await store.OpenAsync(cancellation).ConfigureAwait(false);
        var round = records.Round;
        if (round is null)
        {
            round = new RoundRecord(1, time.GetUtcNow(), null, null);
            await store.CommitAsync([new RoomChange.StartRound(round)], cancellation).ConfigureAwait(false);
        }

        var room = new Room(store, levels, time, log, records, round);
        room.writer = Task.Run(room.WriteAsync, CancellationToken.None);
        return room;
    }

    /// <summary>Verifies and stores one submitted run file; <paramref name="token"/> is the X-Player-Token header.</summary>
    /// <exception cref="RoomUnavailableException">It could not be stored; nothing was.</exception>
    public Task<SubmitAnswer> SubmitAsync(ReadOnlySpan<byte> body, string? token)
    {
        var verdict = checker.Check(body, "the submitted run");
        if (verdict.IsBadInput)
        {
            return Task.FromResult<SubmitAnswer>(new SubmitAnswer.NotARunFile(verdict));
        }

        return Enqueue(new SubmitJob(verdict, body.ToArray(), token));
    }

    /// <summary>Applies a facilitator's round action; <paramref name="at"/> is the close time (null: now).</summary>
    public Task<bool> ActAsync(RoundAction action, DateTimeOffset? at) => Enqueue(new RoundJob(action, at));

    /// <summary>Releases a claimed name; false when it was not claimed.</summary>
    public Task<bool> ReleaseAsync(string player) => Enqueue(new ReleaseJob(player));

    /// <summary>The public board as JSON (RULES.md §9 `GET /api/board`).</summary>
    public byte[] BoardJson() => Board.Json(round, time.GetUtcNow());

    /// <summary>Every submission of a round (the current one by default), in the order received.</summary>
    public IAsyncEnumerable<StoredSubmission> ExportAsync(long? roundId, CancellationToken cancellation) =>
        store.SubmissionsAsync(roundId ?? round.Id, cancellation);

    /// <summary>Finishes what was handed to the writer, then closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        jobs.Writer.TryComplete();
        if (writer is not null)
        {
            await writer.ConfigureAwait(false);
        }

        await store.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<T> Enqueue<T>(Job<T> job)
    {
        if (!jobs.Writer.TryWrite(job))
        {
            throw new RoomUnavailableException("the room is stopping");
        }

        return await job.Answer.Task.ConfigureAwait(false);
    }

    private async Task WriteAsync()
    {
        var batch = new List<Job>(BatchSize);
        var changes = new List<RoomChange>(BatchSize);
        var undo = new Stack<Action>();
        var after = new List<Action>();
        while (await jobs.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            changes.Clear();
            undo.Clear();
            after.Clear();
            var roundBefore = round;
            var lastBefore = lastSubmissionId;
            while (batch.Count < BatchSize && jobs.Reader.TryRead(out var job))
            {
                batch.Add(job);
                job.Decide(this, changes, undo, after);
            }

            try
            {
                if (changes.Count > 0)
                {
                    await store.CommitAsync(changes, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogCommitFailed(log, e, batch.Count);
                while (undo.TryPop(out var back))
                {
                    back();
                }

                round = roundBefore;
                lastSubmissionId = lastBefore;
                foreach (var job in batch)
                {
                    job.Fail(new RoomUnavailableException("the room could not store it just now; send it again", e));
                }

                await ReloadAsync().ConfigureAwait(false);
                continue;
            }

            foreach (var action in after)
            {
                action();
            }

            foreach (var job in batch)
            {
                job.Complete();
            }
        }
    }

    /// <summary>
    /// After a failed commit, takes the ids, claims and round from the database again: had the writer's memory drifted
    /// from it (ids taken by another writer), undoing the batch alone would fail every later commit the same way.
    /// </summary>
    private async Task ReloadAsync()
    {
        try
        {
            var records = await store.ReloadAsync(CancellationToken.None).ConfigureAwait(false);
            lastSubmissionId = records.LastSubmissionId;
            round = records.Round ?? round;
            claims.Clear();
            foreach (var (player, token) in records.Claims)
            {
                claims[player] = token;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The database cannot be read either: keep the undone state and try again after the next failure.
            LogReloadFailed(log, e);
        }
    }

    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    /// <summary>Compares a presented token with the stored one in time that does not depend on where they differ.</summary>
    public static bool SameSecret(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} room changes could not be committed")]
    private static partial void LogCommitFailed(ILogger logger, Exception error, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The room's state could not be read again after a failed commit")]
    private static partial void LogReloadFailed(ILogger logger, Exception error);
}
