using System.Net;
using System.Text.Json;
using LittleRedDot.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LittleRedDot.Server.Tests.Contract;

/// <summary>
/// RULES.md §9's HTTP contract, in-process on a real database. Expected scores come from the engine that
/// recorded each run (RunRecorder), never from this file; what is checked is that the room keeps, refuses,
/// ranks and counts them as §9 and §4 say.
/// </summary>
public abstract partial class RoomContractTests : IAsyncDisposable
{
    private readonly List<RoomFactory> factories = [];

    protected RoomContractTests()
    {
        Pack = new TestPack();
        Database = CreateDatabase(Pack);
    }

    protected TestPack Pack { get; }

    protected TestDatabase Database { get; }

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    protected abstract TestDatabase CreateDatabase(TestPack pack);

    /// <summary>Starts the room (again, after a stop: a restart on the same database).</summary>
    protected RoomClient Start(RoomOptions? options = null)
    {
        Database.SkipIfUnavailable();
        var factory = new RoomFactory(Pack, Database, Time, options);
        factories.Add(factory);
        return new RoomClient(factory.CreateClient());
    }

    protected async Task Stop()
    {
        foreach (var f in factories)
        {
            await f.DisposeAsync();
        }

        factories.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await Stop();
        Database.Dispose();
        Pack.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task A_verified_run_is_stored_ranked_and_claims_the_name()
    {
        var room = Start();
        var run = Pack.Record("ada");
        var token = await room.Accepted(Pack.Run("ada"));
        Assert.False(string.IsNullOrEmpty(token));
        Assert.True(Content.Rooms.PlayerToken.IsWellFormed(token), $"the client would refuse the room's own token \"{token}\""); // the shape clients accept

        var board = await room.Board();
        var row = Assert.Single(board.GetProperty("players").EnumerateArray());
        Assert.Equal(1, row.GetProperty("rank").GetInt32());
        Assert.Equal("ada", row.GetProperty("player").GetString());
        // Oracle: the engine's own result for this run (RunRecorder), exactly.
        Assert.Equal(run.Result!.Score, row.GetProperty("score").GetInt64());
        Assert.Equal(run.Result.Stars, row.GetProperty("stars").GetInt64());
        Assert.Equal(run.Result.Bounces, row.GetProperty("bounces").GetInt64());
        Assert.Equal(run.Result.Score, row.GetProperty("levels").GetProperty("t-01").GetInt64());
        Assert.Equal(["t-01", "t-02"], board.GetProperty("levels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Room test pack", board.GetProperty("title").GetString());
    }

    [SkippableFact]
    public async Task A_resubmitted_run_is_recognised_by_its_digest_and_never_counted_twice()
    {
        var room = Start();
        var body = Pack.Run("ada");
        var token = await room.Accepted(body);

        using var again = await room.Submit(body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var json = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("alreadyStored").GetBoolean());
        // Whoever holds the token is told it again; the run file alone never hands it out (item below).
        using var withToken = await room.Submit(body, token);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        using var held = JsonDocument.Parse(await withToken.Content.ReadAsStringAsync());
        Assert.Equal(token, held.RootElement.GetProperty("token").GetString());

        var board = await room.Board();
        Assert.Equal(Pack.Record("ada").Result!.Score, Assert.Single(board.GetProperty("players").EnumerateArray()).GetProperty("score").GetInt64());
        Assert.Single(await room.Export());
    }

    [SkippableFact]
    public async Task A_resubmitted_run_without_the_right_token_never_hands_out_the_names_token()
    {
        var room = Start();
        var body = Pack.Run("ada");
        await room.Accepted(body);

        // Anyone may hold a shared run file: resending it without the token, or with a wrong one, is a 200 with no token.
        foreach (var presented in new[] { null, "not-the-token" })
        {
            using var again = await room.Submit(body, presented);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            using var json = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
            Assert.True(json.RootElement.GetProperty("alreadyStored").GetBoolean());
            Assert.False(json.RootElement.TryGetProperty("token", out _));
        }

        // So the name stays the player's: another run under it without the token is still refused.
        await Problem.Expect(await room.Submit(Pack.Run("ada", "t-02")), HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task A_tampered_run_is_refused_with_reason_and_field_kept_for_the_facilitator_and_never_ranked()
    {
        var room = Start();
        var run = Pack.Record("eve");
        var tampered = TestPack.Edit(Pack.Run("eve"), $"\"steps\": {run.Result!.Steps}", "\"steps\": 1");

        var problem = await Problem.Expect(await room.Submit(tampered), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("result differs", problem.GetProperty("reason").GetString());
        Assert.Equal("result.steps", problem.GetProperty("field").GetString());
        Assert.Contains("recomputed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var board = await room.Board();
        Assert.Empty(board.GetProperty("players").EnumerateArray());
        Assert.Single(board.GetProperty("rejected").EnumerateArray());
        var line = JsonDocument.Parse(Assert.Single(await room.Export())).RootElement;
        Assert.False(line.GetProperty("verified").GetBoolean());
        Assert.Equal("result.steps", line.GetProperty("field").GetString());
        Assert.Equal("eve", line.GetProperty("run").GetProperty("player").GetString());
    }

    [SkippableFact]
    public async Task A_rejection_quotes_a_hostile_level_id_only_in_part_so_the_board_stays_small()
    {
        var room = Start();
        var hostileId = new string('\u0085', 30_000); // 2 bytes each in the body, 6 escaped in the board's JSON
        var run = TestPack.Edit(Pack.Run("eve"), "\"id\": \"t-01\"", $"\"id\": \"{hostileId}\"");
        for (var i = 0; i < 5; i++)
        {
            await Problem.Expect(await room.Submit(run), HttpStatusCode.UnprocessableEntity);
        }

        // Oracle: each message quotes at most Excerpt.Length text elements of the id (+ "…"), so five rejections
        // stay well under 5 × 1 KiB of escaped text; a whole id would be 5 × 180,000 bytes.
        using var board = await room.Http.GetAsync("/api/board");
        var bytes = await board.Content.ReadAsByteArrayAsync();
        Assert.InRange(bytes.Length, 1, 5 * 1024);
        Assert.Equal(5, (await room.Board()).GetProperty("rejected").GetArrayLength());
    }

    [SkippableFact]
    public async Task An_edited_name_breaks_the_digest_and_is_refused()
    {
        var room = Start();
        var problem = await Problem.Expect(await room.Submit(TestPack.Edit(Pack.Run("ada"), "\"ada\"", "\"bob\"")), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("digest", problem.GetProperty("field").GetString());
    }

    [SkippableFact]
    public async Task A_run_on_a_level_not_in_the_pack_is_refused()
    {
        var room = Start();
        var problem = await Problem.Expect(await room.Submit(TestPack.Edit(Pack.Run("ada"), "\"t-01\"", "\"t-99\"")), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("level not found", problem.GetProperty("reason").GetString());
    }

    [SkippableFact]
    public async Task What_is_not_a_run_file_is_a_400_and_nothing_is_stored()
    {
        var room = Start();
        await Problem.Expect(await room.Submit("not json"u8.ToArray()), HttpStatusCode.BadRequest);
        await Problem.Expect(await room.Submit("""{ "format": "littlereddot-run" }"""u8.ToArray()), HttpStatusCode.BadRequest);
        Assert.Empty(await room.Export());
    }

    [SkippableFact]
    public async Task A_claimed_name_needs_its_token()
    {
        var room = Start();
        var token = await room.Accepted(Pack.Run("ada"));
        var second = Pack.Run("ada", "t-02", new Engine.Choice(0.1, 0, 0));

        await Problem.Expect(await room.Submit(second), HttpStatusCode.Forbidden);
        await Problem.Expect(await room.Submit(second, token + "x"), HttpStatusCode.Forbidden);
        Assert.Equal(token, await room.Accepted(second, token));

        // A tampered run under a claimed name is refused for the name first: nothing of an impersonator is kept.
        var later = TestPack.SavedAt.AddMinutes(1);
        var steps = Pack.Record("ada", savedAt: later).Result!.Steps;
        await Problem.Expect(await room.Submit(TestPack.Edit(Pack.Run("ada", savedAt: later), $"\"steps\": {steps}", "\"steps\": 1")), HttpStatusCode.Forbidden);
        Assert.Equal(2, (await room.Export()).Length);
    }

    [SkippableFact]
    public async Task The_facilitator_can_release_a_name()
    {
        var room = Start();
        var old = await room.Accepted(Pack.Run("ada"));
        await Problem.Expect(await room.Release("ada", token: null), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.NoContent, (await room.Release("ada")).StatusCode);
        await Problem.Expect(await room.Release("ada"), HttpStatusCode.NotFound);

        var renewed = await room.Accepted(Pack.Run("ada", "t-02"));
        Assert.NotEqual(old, renewed);
    }
}
