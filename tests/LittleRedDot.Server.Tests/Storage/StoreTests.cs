using System.Data.Common;
using LittleRedDot.Server.Storage;
using LittleRedDot.Server.Tests.Support;

namespace LittleRedDot.Server.Tests.Storage;

/// <summary>The store contract (IRoomStore), the same on every database the room can use.</summary>
public abstract class StoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    protected StoreTests()
    {
        Pack = new TestPack();
        Database = CreateDatabase(Pack);
    }

    protected TestPack Pack { get; }

    protected TestDatabase Database { get; }

    protected abstract TestDatabase CreateDatabase(TestPack pack);

    public void Dispose()
    {
        Database.Dispose();
        Pack.Dispose();
        GC.SuppressFinalize(this);
    }

    private StoredSubmission Submission(long id, string player, bool verified = true, long round = 1) =>
        new(id, round, At.AddSeconds(id), player, "t-01", "digest-" + player, verified, verified ? "verified" : "result differs",
            verified ? null : "result.steps", verified ? "verified" : "result.steps differs", Pack.Run(player));

    [SkippableFact]
    public async Task A_new_database_gets_the_schema_and_keeps_what_was_committed()
    {
        Database.SkipIfUnavailable();
        await using (var store = Database.Store())
        {
            var empty = await store.OpenAsync(CancellationToken.None);
            Assert.Null(empty.Round);
            Assert.Empty(empty.Submissions);
            Assert.Equal(0, empty.LastSubmissionId);
            await store.CommitAsync(
                [
                    new RoomChange.StartRound(new RoundRecord(1, At, null, null)),
                    new RoomChange.AddSubmission(Submission(1, "ada")),
                    new RoomChange.AddSubmission(Submission(2, "eve", verified: false)),
                    new RoomChange.ClaimName("ada", "token-a", At),
                    new RoomChange.ClaimName("bob", "token-b", At),
                    new RoomChange.ReleaseName("bob"),
                    new RoomChange.UpdateRound(new RoundRecord(1, At, At.AddHours(1), 1)),
                ],
                CancellationToken.None);
        }

        await using (var store = Database.Store())
        {
            var loaded = await store.OpenAsync(CancellationToken.None);
            Assert.Equal(new RoundRecord(1, At, At.AddHours(1), 1), loaded.Round);
            Assert.Equal(2, loaded.LastSubmissionId);
            Assert.Equal(new Dictionary<string, string> { ["ada"] = "token-a" }, loaded.Claims);
            Assert.Equal([1L, 2L], loaded.Submissions.Select(s => s.Id));
            var rejected = loaded.Submissions[1];
            Assert.Equal(Submission(2, "eve", verified: false) with { Body = rejected.Body }, rejected);
            Assert.Equal(Pack.Run("eve"), rejected.Body);
        }
    }

    [SkippableFact]
    public async Task A_failed_transaction_leaves_nothing_behind()
    {
        Database.SkipIfUnavailable();
        await using var store = Database.Store();
        await store.OpenAsync(CancellationToken.None);
        await store.CommitAsync([new RoomChange.StartRound(new RoundRecord(1, At, null, null)), new RoomChange.AddSubmission(Submission(1, "ada"))], CancellationToken.None);

        // The same verified digest twice in a round breaks the unique index: the whole batch is rolled back.
        await Assert.ThrowsAnyAsync<DbException>(() => store.CommitAsync(
            [new RoomChange.AddSubmission(Submission(2, "bob")), new RoomChange.AddSubmission(Submission(3, "ada") with { Id = 3 })],
            CancellationToken.None));

        var ids = new List<long>();
        await foreach (var s in store.SubmissionsAsync(1, CancellationToken.None))
        {
            ids.Add(s.Id);
        }

        Assert.Equal([1L], ids);
    }

    [SkippableFact]
    public async Task Export_reads_one_round_in_order()
    {
        Database.SkipIfUnavailable();
        await using var store = Database.Store();
        await store.OpenAsync(CancellationToken.None);
        await store.CommitAsync(
            [
                new RoomChange.StartRound(new RoundRecord(1, At, null, null)),
                new RoomChange.AddSubmission(Submission(1, "ada")),
                new RoomChange.StartRound(new RoundRecord(2, At, null, null)),
                new RoomChange.AddSubmission(Submission(2, "ada", round: 2)),
                new RoomChange.AddSubmission(Submission(3, "bob", round: 2)),
            ],
            CancellationToken.None);
        var players = new List<string?>();
        await foreach (var s in store.SubmissionsAsync(2, CancellationToken.None))
        {
            players.Add(s.Player);
        }

        Assert.Equal(["ada", "bob"], players);
        var reopened = await store.OpenAsync(CancellationToken.None);
        Assert.Equal(2, reopened.Round!.Id);
        Assert.Equal(2, reopened.Submissions.Count);
    }

    [SkippableFact]
    public async Task A_database_from_a_newer_program_is_refused_with_a_reason()
    {
        Database.SkipIfUnavailable();
        await using (var store = Database.Store())
        {
            await store.OpenAsync(CancellationToken.None);
        }

        await using (var store = (SqlRoomStore)Database.Store())
        {
            await store.OpenAsync(CancellationToken.None);
            Assert.Equal(1, store.SchemaVersion);
            await store.ExecuteAsync("INSERT INTO schema_version (version) VALUES (99)");
        }

        await using (var store = Database.Store())
        {
            var error = await Assert.ThrowsAsync<RoomStoreException>(() => store.OpenAsync(CancellationToken.None));
            Assert.Contains("newer version", error.Message, StringComparison.Ordinal);
        }
    }
}
