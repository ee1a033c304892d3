using System.Net;
using LittleRedDot.Server.Storage;
using LittleRedDot.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LittleRedDot.Server.Tests.Contract;

/// <summary>RULES.md §9: a 2xx only for what is durably stored. A commit that fails answers 503 and changes nothing.</summary>
public sealed class StorageFailureTests : IAsyncDisposable
{
    private readonly TestPack pack = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private FailingStore? store;
    private RoomFactory? factory;

    [Fact]
    public async Task A_failed_commit_is_a_503_and_the_room_goes_on_as_if_it_never_came()
    {
        using var database = new SqliteDatabase(pack);
        factory = new RoomFactory(pack, database, time, wrap: s => store = new FailingStore(s));
        var room = new RoomClient(factory.CreateClient());
        var run = pack.Run("ada");

        store!.Failing = true;
        var problem = await Problem.Expect(await room.Submit(run), HttpStatusCode.ServiceUnavailable);
        Assert.Contains("send it again", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problem.Expect(await room.Round("reset"), HttpStatusCode.ServiceUnavailable);
        Assert.Empty((await room.Board()).GetProperty("players").EnumerateArray());

        // Neither the name's claim nor the digest was kept: the same run is taken as new, in round 1.
        store.Failing = false;
        await room.Accepted(run);
        Assert.Equal(1, (await room.Board()).GetProperty("round").GetProperty("number").GetInt32());
        Assert.Single(await room.Export());
    }

    [Fact]
    public async Task A_commit_that_fails_because_the_database_moved_on_is_followed_by_one_that_succeeds()
    {
        using var database = new SqliteDatabase(pack);
        factory = new RoomFactory(pack, database, time, wrap: s => store = new FailingStore(s));
        var room = new RoomClient(factory.CreateClient());
        await room.Accepted(pack.Run("ada"));

        // Another writer took the next submission id behind the room's back (as a second serve on the file did).
        await ((SqlRoomStore)store!.Inner).ExecuteAsync(
            "INSERT INTO submissions (id, round_id, received_at, player, level_id, digest, verified, reason, field, message, body) "
            + "VALUES (2, 1, '2026-11-26T09:00:00.0000000Z', 'eve', 't-01', 'x', 0, 'r', NULL, 'm', x'00')");
        var run = pack.Run("bob");
        await Problem.Expect(await room.Submit(run), HttpStatusCode.ServiceUnavailable);

        // The room re-read the database after the failure, so the resend gets the next free id and is stored.
        await room.Accepted(run);
        Assert.Equal(3, (await room.Export()).Length);
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        pack.Dispose();
    }
}
